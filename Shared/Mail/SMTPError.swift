/// Why a message was not handed to the relay.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The relay answered a command with a code other than the one expected.
    case rejected(command: String, code: Int, text: String)
    /// The relay's answer could not be read as an SMTP reply.
    case malformedReply(String)
    /// The connection closed before the relay answered.
    case connectionClosed
    /// The relay took longer than the time allowed.
    case timedOut

    public var description: String {
        switch self {
        case .rejected(let command, let code, let text): "the relay answered \(command) with \(code) \(text)"
        case .malformedReply(let line): "unreadable SMTP reply: \(line)"
        case .connectionClosed: "the relay closed the connection"
        case .timedOut: "the relay did not answer in time"
        }
    }
}
