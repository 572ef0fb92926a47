/// The checks on a reported ratio's numerator and denominator.
enum RatioCheck {
    /// The number a numerator / denominator pair makes, after checking both and any given value.
    static func check(
        value: Double?, numerator: Double?, denominator: Double?, rules: IndicatorRules
    ) throws(RuleError) -> ReportedNumber {
        let required = rules.rollUp == .weightedRatio
        guard let numerator else {
            throw RuleError(field: "numerator", message: required
                ? "Thiếu tử số: chỉ tiêu tổng hợp theo tỷ lệ có trọng số cần cả tử số và mẫu số."
                : "Thiếu tử số: đã nhập mẫu số thì cần nhập cả tử số.")
        }
        guard let denominator else {
            throw RuleError(field: "denominator", message: required
                ? "Thiếu mẫu số: chỉ tiêu tổng hợp theo tỷ lệ có trọng số cần cả tử số và mẫu số."
                : "Thiếu mẫu số: đã nhập tử số thì cần nhập cả mẫu số.")
        }
        guard denominator > 0 else {
            throw RuleError(field: "denominator",
                            message: "Mẫu số \(shown(denominator)) không hợp lệ: mẫu số phải lớn hơn 0.")
        }
        guard numerator >= 0 else {
            throw RuleError(field: "numerator",
                            message: "Tử số \(shown(numerator)) không hợp lệ: tử số không được âm.")
        }
        if rules.measure == .percent, numerator > denominator {
            throw RuleError(field: "denominator", message:
                "Tỷ lệ \(shown(numerator))/\(shown(denominator)) không hợp lệ: mẫu số nhỏ hơn tử số; "
                + "mẫu số phải lớn hơn hoặc bằng tử số.")
        }
        let computed = numerator * 100 / denominator
        if let value, (value - computed).magnitude > ValueCheck.ratioTolerance {
            throw RuleError(field: "value", message:
                "Giá trị \(shown(value)) không khớp với tử số/mẫu số: "
                + "\(shown(numerator))/\(shown(denominator)) × 100 = \(shown(computed)); "
                + "cần giá trị bằng \(shown(computed)) (sai lệch tối đa 0,01).")
        }
        return ReportedNumber(value: computed, numerator: numerator, denominator: denominator)
    }
}
