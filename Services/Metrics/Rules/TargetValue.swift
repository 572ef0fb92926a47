/// A target's value as a plan writes it: "≥ 70", "100", "1,5", "≤ 5", "> 60", "100%".
public struct TargetValue: Sendable, Hashable, Codable {
    /// The number.
    public var number: Double
    /// "≥", "≤", or `nil` for a bare number.
    public var mark: String?

    /// A target with this number and mark.
    public init(number: Double, mark: String? = nil) {
        self.number = number
        self.mark = mark
    }

    /// Parses a target as written in a plan.
    ///
    /// "≥", ">=" and ">" are read as "≥"; "≤", "<=" and "<" as "≤"; "=" or no mark gives a
    /// bare number. The number may use a decimal comma or dot and end in "%".
    /// - Throws: `RuleError` on field "target" if there is no number.
    public init(parsing text: String) throws(RuleError) {
        var rest = Substring(text.trimmingWhitespace())
        var mark: String?
        for (written, meaning) in Self.marks where rest.hasPrefix(written) {
            mark = meaning
            rest = rest.dropFirst(written.count)
            break
        }
        rest = rest.trimmingWhitespace()
        if rest.hasSuffix("%") { rest = rest.dropLast().trimmingWhitespace() }
        guard let number = VietnameseDecimal.parse(String(rest)) else {
            throw RuleError(field: "target", message:
                "Chỉ tiêu \"\(text)\" không hợp lệ: cần một số, có thể kèm dấu ≥ hoặc ≤ và dấu %, "
                + "ví dụ ≥ 70, 1,5 hoặc 100%.")
        }
        self.init(number: number, mark: mark)
    }

    /// The target as people read it: "≥ 70", "1,5".
    public var displayText: String {
        let number = shown(number)
        guard let mark else { return number }
        return "\(mark) \(number)"
    }

    /// Written marks and what they mean, longest first so ">=" is not read as ">".
    private static let marks: [(String, String?)] = [
        (">=", "≥"), ("<=", "≤"), ("≥", "≥"), ("≤", "≤"), (">", "≥"), ("<", "≤"), ("=", nil),
    ]
}
