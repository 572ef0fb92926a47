/// A flag raised on a task: which rule, since when, and the numbers behind it.
public struct RaisedFlag: Codable, Sendable, Equatable, Hashable {
    /// The rule that raised it.
    public let rule: FlagRule
    /// The first day the rule held (never before the task was assigned).
    public let since: Day
    /// What people read, in Vietnamese with the numbers, e.g.
    /// "Tiến độ 20% trong khi đã qua 60% thời gian (lộ trình yêu cầu tối thiểu 30%)".
    public let detail: String

    /// Creates the flag.
    public init(rule: FlagRule, since: Day, detail: String) {
        self.rule = rule
        self.since = since
        self.detail = detail
    }
}
