import NQ57Calendar

/// Checks of what a unit reports before it is stored.
public enum ValueCheck {
    /// How far a given value may stray from numerator / denominator × 100.
    static let ratioTolerance = 0.01

    /// Checks a report's numbers against the indicator's rules and returns the number to store.
    ///
    /// - A `weightedRatio` indicator requires `numerator` and `denominator`; its value is
    ///   computed from them, and a value given as well must agree within 0,01.
    /// - Any other indicator requires `value`; a numerator and denominator, if given, are
    ///   checked the same way and the stored value is the one computed from them.
    /// - A denominator must be > 0, a numerator ≥ 0, and for a percentage numerator ≤ denominator.
    /// - The value must then suit the measure: a percentage 0...100, a count a whole number
    ///   ≥ 0, an index or money ≥ 0, done exactly 0 or 1; and never above `maxValue`.
    /// - NaN and infinities are refused.
    /// - Throws: `RuleError` naming the field at fault: "value", "numerator" or "denominator".
    public static func check(
        value: Double?, numerator: Double?, denominator: Double?, rules: IndicatorRules
    ) throws(RuleError) -> ReportedNumber {
        try requireFinite(value, field: "value", name: "Giá trị")
        try requireFinite(numerator, field: "numerator", name: "Tử số")
        try requireFinite(denominator, field: "denominator", name: "Mẫu số")
        let number: ReportedNumber
        if rules.rollUp == .weightedRatio || numerator != nil || denominator != nil {
            number = try RatioCheck.check(
                value: value, numerator: numerator, denominator: denominator, rules: rules)
        } else if let value {
            number = ReportedNumber(value: value)
        } else {
            throw RuleError(field: "value", message: "Thiếu giá trị: cần nhập số liệu của chỉ tiêu.")
        }
        try MeasureCheck.check(number.value, rules: rules)
        return number
    }

    /// Refuses NaN and infinities.
    private static func requireFinite(_ number: Double?, field: String, name: String) throws(RuleError) {
        guard let number, !number.isFinite else { return }
        throw RuleError(field: field, message: "\(name) không phải là một số hợp lệ: cần một số hữu hạn.")
    }

    /// Checks a level that is not a report, such as a baseline or a target, against the
    /// indicator's measure: it has no numerator and denominator, even for a ratio indicator.
    /// An error names `field`.
    public static func checkLevel(_ value: Double, rules: IndicatorRules, field: String) throws(RuleError) {
        var plain = rules
        plain.rollUp = .sum
        do {
            _ = try check(value: value, numerator: nil, denominator: nil, rules: plain)
        } catch {
            throw RuleError(field: field, message: error.message)
        }
    }
}
