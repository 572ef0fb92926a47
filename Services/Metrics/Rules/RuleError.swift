/// A rejected input: the field it is about, and a Vietnamese message that says what is
/// wrong and what is expected.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input field at fault, e.g. `"value"`, `"denominator"`, `"period"`.
    public var field: String
    /// What is wrong and what is expected, in Vietnamese.
    public var message: String

    /// An error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
