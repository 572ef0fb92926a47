import NIOCore

/// A request as it travels: `{"v":1,"id":…,"method":"tasks.get","params":{…},"caller":{…},"deadline":…}`;
/// from a client to the gateway also `"token":"…"` (the access token), which the gateway
/// turns into `caller` and does not forward.
///
/// `params` and `caller` stay raw JSON: the gateway forwards them untouched and only the
/// service that owns the method decodes them into its typed params.
public struct RequestEnvelope: Sendable {
    /// The caller's id for this call; the reply carries the same.
    public var id: MessageID
    /// The method name, `service.verb` (for example `tasks.get`, `sys.health`).
    public var method: String
    /// The params object (`{}` when the method takes none).
    public var params: RawJSON
    /// Who is calling, as the gateway vouches for it; nil from a client (the gateway sets it).
    public var caller: RawJSON?
    /// When the caller stops waiting, in milliseconds since the Unix epoch.
    public var deadline: Int64?
    /// The client's access token (to the gateway only; never forwarded).
    public var token: String?
    /// Raw bytes that travel after the message as their own frame (evidence, never base64).
    public var bulk: ByteBuffer?

    /// Creates a request envelope.
    public init(id: MessageID, method: String, params: RawJSON = .emptyObject, caller: RawJSON? = nil,
                deadline: Int64? = nil, token: String? = nil, bulk: ByteBuffer? = nil) {
        self.id = id
        self.method = method
        self.params = params
        self.caller = caller
        self.deadline = deadline
        self.token = token
        self.bulk = bulk
    }
}

/// A reply: `{"v":1,"id":…,"result":…}` or `{"v":1,"id":…,"error":{"code":…,"message":…,"details":…}}`.
public struct ReplyEnvelope: Sendable {
    /// The id of the request this answers.
    public var id: MessageID
    /// The result, or the error.
    public var outcome: Result<RawJSON, RPCError>
    /// Raw bytes that travel after the message as their own frame.
    public var bulk: ByteBuffer?

    /// Creates a reply envelope.
    public init(id: MessageID, outcome: Result<RawJSON, RPCError>, bulk: ByteBuffer? = nil) {
        self.id = id
        self.outcome = outcome
        self.bulk = bulk
    }

    /// A reply carrying an error.
    public static func failure(_ id: MessageID, _ error: RPCError) -> ReplyEnvelope {
        ReplyEnvelope(id: id, outcome: .failure(error))
    }
}

/// One message read off a connection.
public enum Envelope: Sendable {
    case request(RequestEnvelope)
    case reply(ReplyEnvelope)
}

/// The wire version this code speaks.
public let wireVersion = 1
