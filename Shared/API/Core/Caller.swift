/// Who is calling, as the gateway vouches for it to the services behind it.
///
/// Authentication comes with the auth service; until then every call is anonymous. The
/// services trust this because only the gateway can reach their sockets, and check it
/// against their own rules as well.
public struct Caller: Codable, Sendable, Equatable, ShapeDocumented {
    /// The account id, or nil for an anonymous caller.
    public var account: String?
    /// The session the call came through, for the audit log.
    public var session: String?

    /// Creates a caller.
    public init(account: String? = nil, session: String? = nil) {
        self.account = account
        self.session = session
    }

    /// Nobody logged in.
    public static let anonymous = Caller()

    public static var fieldDocs: [String: String] {
        ["account": "account id; absent for anonymous callers", "session": "session id, for the audit log"]
    }
}
