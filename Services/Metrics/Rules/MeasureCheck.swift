/// The checks a value must pass for its indicator's measure and cap.
enum MeasureCheck {
    /// Throws a `RuleError` on field "value" if `value` does not suit `rules`.
    static func check(_ value: Double, rules: IndicatorRules) throws(RuleError) {
        switch rules.measure {
        case .percent:
            let cap = rules.upperBound ?? 100
            guard value >= 0 else {
                throw fault("Tỷ lệ \(shown(value))% không hợp lệ: tỷ lệ không được âm, cần từ 0 đến \(shown(cap))%.")
            }
            guard value <= cap else {
                let limit = cap == 100 ? "100%" : "mức tối đa \(shown(cap))%"
                throw fault("\(shown(value))% vượt quá \(limit): tỷ lệ phải từ 0 đến \(shown(cap))%.")
            }
        case .count:
            guard value >= 0 else {
                throw fault("Số lượng \(shown(value)) không hợp lệ: số lượng không được âm.")
            }
            guard value.rounded(.towardZero) == value else {
                throw fault("Số lượng \(shown(value)) không hợp lệ: cần một số nguyên (0, 1, 2, …).")
            }
            try checkCap(value, rules: rules, name: "Số lượng")
        case .index:
            guard value >= 0 else { throw fault("Chỉ số \(shown(value)) không hợp lệ: chỉ số không được âm.") }
            try checkCap(value, rules: rules, name: "Chỉ số")
        case .money:
            guard value >= 0 else { throw fault("Số tiền \(shown(value)) không hợp lệ: số tiền không được âm.") }
            try checkCap(value, rules: rules, name: "Số tiền")
        case .done:
            guard value == 0 || value == 1 else {
                throw fault("Giá trị \(shown(value)) không hợp lệ: chỉ tiêu hoàn thành/chưa chỉ nhận "
                    + "1 (đã hoàn thành) hoặc 0 (chưa hoàn thành).")
            }
        }
    }

    /// Throws if `value` is above the indicator's `maxValue`.
    private static func checkCap(_ value: Double, rules: IndicatorRules, name: String) throws(RuleError) {
        guard let cap = rules.upperBound, value > cap else { return }
        throw fault("\(name) \(shown(value)) vượt quá mức tối đa \(shown(cap)).")
    }

    /// An error on field "value".
    private static func fault(_ message: String) -> RuleError {
        RuleError(field: "value", message: message)
    }
}
