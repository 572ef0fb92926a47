/// A parent's value rolled up from its children, with who did and did not report.
public struct RollUpResult: Sendable, Hashable, Codable {
    /// The combined number; `nil` when no child reported or the rule is `none`.
    public var number: ReportedNumber?
    /// The ids of the children that reported, in input order.
    public var reported: [String]
    /// The ids of the children that did not, in input order.
    public var missing: [String]
    /// The rule in Vietnamese words with the numbers, e.g.
    /// "Tỷ lệ có trọng số: 1.234/2.000 = 61,7% (3/5 đơn vị báo cáo)".
    public var explanation: String

    /// A result with these parts.
    public init(number: ReportedNumber?, reported: [String], missing: [String], explanation: String) {
        self.number = number
        self.reported = reported
        self.missing = missing
        self.explanation = explanation
    }
}
