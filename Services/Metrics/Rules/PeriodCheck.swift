import NQ57Calendar

extension ValueCheck {
    /// The period `key` names, if it is a period of the indicator's `frequency`.
    ///
    /// - Throws: `RuleError` on field "period" when the key is not a period key or is one
    ///   of another length; the message gives an example such as "2025-Q3".
    public static func period(_ key: String, frequency: Period) throws(RuleError) -> PeriodKey {
        let example = example(of: frequency)
        guard let period = PeriodKey(key: key) else {
            throw RuleError(field: "period", message:
                "Kỳ báo cáo \"\(key)\" không hợp lệ: chỉ tiêu báo cáo \(rhythm(frequency)) cần kỳ dạng \(example).")
        }
        guard period.period == frequency else {
            throw RuleError(field: "period", message:
                "Kỳ báo cáo \"\(key)\" (\(period.displayName)) không khớp tần suất của chỉ tiêu "
                + "(\(rhythm(frequency))): cần kỳ dạng \(example).")
        }
        return period
    }

    /// A key of this length, e.g. "2025-Q3".
    static func example(of frequency: Period) -> String {
        switch frequency {
        case .month: "2025-11"
        case .quarter: "2025-Q3"
        case .halfYear: "2025-H2"
        case .year: "2025"
        }
    }

    /// The rhythm in words, within a sentence: "hằng quý".
    private static func rhythm(_ frequency: Period) -> String {
        switch frequency {
        case .month: "hằng tháng"
        case .quarter: "hằng quý"
        case .halfYear: "6 tháng một lần"
        case .year: "hằng năm"
        }
    }
}
