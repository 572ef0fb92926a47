import Foundation

/// An event a task in its current status may not take, or an event with a bad value.
public struct TransitionError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// What kind of refusal this is.
    public enum Kind: String, Equatable, Sendable {
        /// The event is not allowed from the task's status (a failed precondition).
        case illegalTransition
        /// The event carries a bad value: progress outside 0...100, no evidence, no reason.
        case invalidArgument
    }

    /// The status the task was in.
    public let from: TaskStatus
    /// The name of the refused event (`TaskEvent.name`), e.g. "accept".
    public let event: String
    /// What kind of refusal this is.
    public let kind: Kind
    /// The Vietnamese message naming the transition and why it is refused.
    public let message: String

    /// Creates the error.
    public init(from: TaskStatus, event: String, kind: Kind, message: String) {
        self.from = from
        self.event = event
        self.kind = kind
        self.message = message
    }

    /// The message, as `description`.
    public var description: String { message }

    /// The message, for Foundation's error reporting.
    public var errorDescription: String? { message }
}
