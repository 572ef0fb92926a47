/// A frame that is not a usable envelope: the error to reply with, the id to reply to
/// when it could be read, and whether the connection can go on.
public struct EnvelopeDecodeError: Error, Sendable {
    /// The error to send back.
    public var error: RPCError
    /// The request's id if it could be read; replies to unreadable ids use `null`.
    public var id: MessageID
    /// The announced bulk length of a message that was refused, so the raw frame that follows
    /// can be skipped and the connection kept in step.
    public var bulkLength: Int?
}
