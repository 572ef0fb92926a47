import Foundation

/// A move the review workflow refuses, and why.
public struct ReviewRefusal: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// What kind of refusal this is; the services map it to an error code.
    public enum Kind: String, Equatable, Sendable {
        /// The move is not allowed from the item's state (`failed_precondition`).
        case illegalMove
        /// The move carries a bad value, such as a blank reason (`invalid_argument`).
        case invalidArgument
        /// The actor holds none of the roles that may make the move (`permission_denied`).
        case notPermitted
        /// The actor wrote the item, or belongs to its unit, and may not decide on it
        /// (`permission_denied`).
        case separationOfDuties
    }

    /// What kind of refusal this is.
    public let kind: Kind
    /// The state the item was in (nil before its first move).
    public let from: ReviewState?
    /// The refused move's name (`ReviewMove.name`).
    public let move: String
    /// The Vietnamese message naming the move and why it is refused.
    public let message: String

    /// Creates a refusal.
    public init(kind: Kind, from: ReviewState?, move: String, message: String) {
        self.kind = kind
        self.from = from
        self.move = move
        self.message = message
    }

    /// The message, as `description`.
    public var description: String { message }

    /// The message, for Foundation's error reporting.
    public var errorDescription: String? { message }
}
