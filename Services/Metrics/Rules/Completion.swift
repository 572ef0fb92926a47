/// Where a reported value stands against its target's roadmap, and why.
public struct Completion: Sendable, Hashable, Codable {
    /// The status.
    public var status: CompletionStatus
    /// The roadmap's value on the day of evaluation, if there is a roadmap to read.
    public var expected: Double?
    /// Progress made / progress expected since the baseline (1 = on the line), or `nil`
    /// when no progress is expected yet or there is nothing to compare.
    public var ratio: Double?
    /// A Vietnamese sentence: the value, the target, the line's value and date, and why this status.
    public var explanation: String

    /// A completion with these parts.
    public init(status: CompletionStatus, expected: Double?, ratio: Double?, explanation: String) {
        self.status = status
        self.expected = expected
        self.ratio = ratio
        self.explanation = explanation
    }
}
