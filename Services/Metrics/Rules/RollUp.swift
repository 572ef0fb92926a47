/// How a parent unit's value is combined from its children's.
public enum RollUp {
    /// Combines the children's numbers by `rule`.
    ///
    /// - `sum`: Σ values; `average`: their arithmetic mean; `min`, `max`: the smallest or largest.
    /// - `weightedRatio`: Σ numerators / Σ denominators × 100, with the sums as the result's
    ///   numerator and denominator; a child without a numerator and a positive denominator
    ///   counts as missing.
    /// - `none`: no number; the explanation says the indicator is not rolled up.
    ///
    /// A child whose numbers are NaN or infinite counts as missing. The number is `nil` when
    /// no child reported.
    public static func combine(_ rule: RollUpRule, children: [ChildValue]) -> RollUpResult {
        var used: [(unitId: String, number: ReportedNumber)] = []
        var missing: [String] = []
        for child in children {
            if let number = child.number, counts(number, for: rule) {
                used.append((child.unitId, number))
            } else {
                missing.append(child.unitId)
            }
        }
        let reported = used.map(\.unitId)
        let tally = tally(reported: reported.count, total: children.count)
        guard rule != .none else {
            return RollUpResult(number: nil, reported: reported, missing: missing, explanation:
                "Không tổng hợp: chỉ tiêu này không tính từ số liệu của các đơn vị cấp dưới \(tally).")
        }
        guard !used.isEmpty else {
            let none = children.isEmpty ? "không có đơn vị cấp dưới" : "chưa có đơn vị nào báo cáo"
            return RollUpResult(number: nil, reported: reported, missing: missing,
                                explanation: "\(rule.displayName): \(none) \(tally).")
        }
        let (number, working) = combined(rule, used)
        return RollUpResult(number: number, reported: reported, missing: missing,
                            explanation: "\(working) \(tally)")
    }

    /// Whether `number` can take part in a roll-up by `rule`.
    private static func counts(_ number: ReportedNumber, for rule: RollUpRule) -> Bool {
        guard rule == .weightedRatio else { return number.value.isFinite }
        guard let numerator = number.numerator, let denominator = number.denominator else { return false }
        return numerator.isFinite && denominator.isFinite && denominator > 0
    }

    /// The combined number and the working in words, for a non-empty `used`.
    private static func combined(
        _ rule: RollUpRule, _ used: [(unitId: String, number: ReportedNumber)]
    ) -> (ReportedNumber, String) {
        let values = used.map(\.number.value)
        let total = values.reduce(0, +)
        switch rule {
        case .weightedRatio:
            let numerator = used.reduce(0) { $0 + ($1.number.numerator ?? 0) }
            let denominator = used.reduce(0) { $0 + ($1.number.denominator ?? 0) }
            let value = numerator * 100 / denominator
            return (ReportedNumber(value: value, numerator: numerator, denominator: denominator),
                    "Tỷ lệ có trọng số: \(format(numerator))/\(format(denominator)) = \(format(value))%")
        case .average:
            let mean = total / Double(values.count)
            return (ReportedNumber(value: mean),
                    "Trung bình: \(format(total))/\(values.count) = \(format(mean))")
        case .min, .max:
            // The first of equal values wins, so the named unit is stable.
            let pick = used.dropFirst().reduce(used[0]) { best, next in
                let better = rule == .min ? next.number.value < best.number.value
                    : next.number.value > best.number.value
                return better ? next : best
            }
            return (ReportedNumber(value: pick.number.value),
                    "\(rule.displayName): \(format(pick.number.value)) (đơn vị \(pick.unitId))")
        case .sum, .none:
            let terms = values.count <= 5 ? values.map(format).joined(separator: " + ") + " = " : ""
            return (ReportedNumber(value: total), "Cộng: \(terms)\(format(total))")
        }
    }

    /// "(3/5 đơn vị báo cáo)". Who is missing is the result's `missing`, for a reader to name:
    /// unit codes are not for people to read.
    private static func tally(reported: Int, total: Int) -> String {
        "(\(reported)/\(total) đơn vị báo cáo)"
    }

    /// A number in Vietnamese form with up to 2 decimals.
    private static func format(_ value: Double) -> String {
        VietnameseDecimal.format(value)
    }
}
