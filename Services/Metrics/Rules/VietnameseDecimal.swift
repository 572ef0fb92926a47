/// Numbers written the Vietnamese way: thousands grouped with ".", decimals after ",".
///
/// Written by hand rather than with `NumberFormatter`, whose locale data is unreliable
/// on Linux.
public enum VietnameseDecimal {
    /// `value` with thousands separated by "." and decimals after ",": 1234.5 → "1.234,5".
    ///
    /// Rounds half away from zero to at most `maxFractionDigits` decimals (of the shortest
    /// decimal form of `value`, so 1.005 → "1,01"), drops trailing zeros, and never
    /// writes "-0". NaN is written "không phải số", infinities "vô cực" / "-vô cực".
    public static func format(_ value: Double, maxFractionDigits: Int = 2) -> String {
        if value.isNaN { return "không phải số" }
        if value.isInfinite { return value < 0 ? "-vô cực" : "vô cực" }
        var decimal = DecimalDigits(value.magnitude)
        decimal.round(toFractionDigits: Swift.max(0, maxFractionDigits))
        guard !decimal.isZero else { return "0" }
        let sign = value < 0 ? "-" : ""
        let whole = grouped(decimal.whole)
        return decimal.fraction.isEmpty ? sign + whole : "\(sign)\(whole),\(String(decimal.fraction))"
    }

    /// The number in `text`, or `nil` if it is not one.
    ///
    /// Reads "1.234,5", "1234,5", "1234.5", "1.000.000", "70", with an optional sign.
    /// With a comma, the comma is the decimal mark and dots group thousands. Without one,
    /// several dots group thousands; a single dot groups thousands only when 1–3 digits
    /// (not starting with 0) come before it and exactly 3 after ("1.234" = 1234), and is
    /// a decimal point otherwise ("1.5", "0.700", "1234.567").
    public static func parse(_ text: String) -> Double? {
        var body = Substring(text.trimmingWhitespace())
        var negative = false
        if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else { return nil }
        let commaParts = body.split(separator: ",", omittingEmptySubsequences: false)
        let whole: String
        var fraction = ""
        switch commaParts.count {
        case 1:
            let dotParts = body.split(separator: ".", omittingEmptySubsequences: false)
            if dotParts.count == 2, !isGrouping(dotParts) {
                whole = String(dotParts[0])
                fraction = String(dotParts[1])
                guard !fraction.isEmpty else { return nil }
            } else {
                guard let digits = ungrouped(dotParts) else { return nil }
                whole = digits
            }
        case 2:
            guard let digits = ungrouped(commaParts[0].split(separator: ".", omittingEmptySubsequences: false)),
                  !commaParts[1].isEmpty, !commaParts[1].contains(".")
            else { return nil }
            whole = digits
            fraction = String(commaParts[1])
        default:
            return nil
        }
        guard !whole.isEmpty, let number = Double(fraction.isEmpty ? whole : "\(whole).\(fraction)"),
              number.isFinite
        else { return nil }
        return negative ? -number : number
    }

    /// `digits` with a "." before every group of three from the right.
    private static func grouped(_ digits: [Character]) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }

    /// Whether `parts` (split at ".") are thousands groups: a first group of 1–3 digits
    /// not starting with 0, then groups of exactly 3.
    private static func isGrouping(_ parts: [Substring]) -> Bool {
        guard parts.count > 1, let first = parts.first, (1...3).contains(first.count), first.first != "0" else {
            return false
        }
        return parts.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The digits of `parts` joined, if they are one run of digits or proper thousands groups.
    private static func ungrouped(_ parts: [Substring]) -> String? {
        if parts.count == 1 { return String(parts[0]) }
        return isGrouping(parts) ? parts.joined() : nil
    }
}

/// The decimal digits of a non-negative finite number, split at the decimal point.
private struct DecimalDigits {
    /// The digits before the point, without leading zeros ("0" stays as ["0"]).
    var whole: [Character]
    /// The digits after the point.
    var fraction: [Character]

    /// The digits of the shortest decimal form that reads back as `magnitude`.
    init(_ magnitude: Double) {
        let text = "\(magnitude)".lowercased()
        let parts = text.split(separator: "e")
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let digits = Array(mantissa[0]) + (mantissa.count > 1 ? Array(mantissa[1]) : [])
        let point = mantissa[0].count + exponent
        if point <= 0 {
            whole = ["0"]
            fraction = Array(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            whole = digits + Array(repeating: "0", count: point - digits.count)
            fraction = []
        } else {
            whole = Array(digits[..<point])
            fraction = Array(digits[point...])
        }
        trim()
    }

    /// Whether every digit is 0.
    var isZero: Bool { (whole + fraction).allSatisfy { $0 == "0" } }

    /// Rounds half away from zero (up, for a magnitude) to at most `digits` decimals.
    mutating func round(toFractionDigits digits: Int) {
        guard fraction.count > digits else { return }
        let roundsUp = fraction[digits] >= "5"
        var kept = whole + fraction[..<digits]
        if roundsUp {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == "9" {
                    kept[index] = "0"
                    index -= 1
                } else {
                    kept[index] = Character(String((kept[index].wholeNumberValue ?? 0) + 1))
                    break
                }
            }
            if index < 0 { kept.insert("1", at: 0) }
        }
        whole = Array(kept[..<(kept.count - digits)])
        fraction = Array(kept[(kept.count - digits)...])
        trim()
    }

    /// Drops leading zeros of the whole part (keeping one) and trailing zeros of the fraction.
    private mutating func trim() {
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        if whole.isEmpty { whole = ["0"] }
        while fraction.last == "0" { fraction.removeLast() }
    }
}
