/// Who is calling, as the gateway vouches for it to the services behind it: the account,
/// its session, and its roles at units. The services trust this because only the gateway
/// can reach their sockets, and check it against their own rules as well.
public struct Caller: Codable, Sendable, Equatable, ShapeDocumented {
    /// The account id, or nil for an anonymous caller.
    public var account: String?
    /// The account's login name.
    public var username: String?
    /// The session the call came through, for the audit log.
    public var session: String?
    /// The account's roles at units.
    public var grants: [Grant]
    /// Whether the account must change its password before anything else (after an admin
    /// reset): see `PasswordChangeGate`.
    public var mustChangePassword: Bool

    /// Creates a caller.
    public init(account: String? = nil, username: String? = nil, session: String? = nil, grants: [Grant] = [],
                mustChangePassword: Bool = false) {
        self.account = account
        self.username = username
        self.session = session
        self.grants = grants
        self.mustChangePassword = mustChangePassword
    }

    /// Nobody logged in.
    public static let anonymous = Caller()

    private enum CodingKeys: String, CodingKey { case account, username, session, grants, mustChangePassword }

    /// Decodes a caller; absent grants mean none, an absent `mustChangePassword` means false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        account = try container.decodeIfPresent(String.self, forKey: .account)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        session = try container.decodeIfPresent(String.self, forKey: .session)
        grants = try container.decodeIfPresent([Grant].self, forKey: .grants) ?? []
        mustChangePassword = try container.decodeIfPresent(Bool.self, forKey: .mustChangePassword) ?? false
    }

    /// Encodes a caller; `mustChangePassword` only when true, so every other call carries no more bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(account, forKey: .account)
        try container.encodeIfPresent(username, forKey: .username)
        try container.encodeIfPresent(session, forKey: .session)
        try container.encode(grants, forKey: .grants)
        if mustChangePassword { try container.encode(true, forKey: .mustChangePassword) }
    }

    /// Whether someone is logged in.
    public var isAuthenticated: Bool { account != nil }

    /// Whether the caller holds one of `roles` at the unit with `unitPath` or above it.
    public func holds(_ roles: [Role], over unitPath: String) -> Bool {
        grants.contains { roles.contains($0.role) && unitPath.hasPrefix($0.unitPath) }
    }

    /// Whether the caller holds one of `roles` at exactly the unit with `unitPath`.
    public func holds(_ roles: [Role], at unitPath: String) -> Bool {
        grants.contains { roles.contains($0.role) && $0.unitPath == unitPath }
    }

    public static var fieldDocs: [String: String] {
        [
            "account": "account id; absent for anonymous callers",
            "username": "login name",
            "session": "session id, for the audit log",
            "grants": "roles held at units",
            "mustChangePassword": "true while the account must change its password (after an admin reset)",
        ]
    }
}
