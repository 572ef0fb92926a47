/// Who may call a method, and on which units: one entry per method, part of its definition,
/// so a method cannot exist without one. The gateway enforces it on every call (default
/// deny); `sys.describe` shows it.
public struct AccessPolicy: Codable, Sendable, Equatable, ShapeDocumented {
    /// Where a role must be held, relative to the unit a call is about.
    public enum Scope: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
        /// Anyone, without logging in.
        case `public`
        /// Any logged-in account, whatever its roles.
        case authenticated
        /// One of `roles`, held at any unit.
        case anywhere
        /// One of `roles`, held at the target unit itself.
        case ownUnit
        /// One of `roles`, held at the target unit or a unit above it.
        case unitOrAbove
        /// Nobody through the gateway: the gateway itself calls it on the internal socket.
        case `internal`
    }

    /// The roles that may call (ignored for `public`, `authenticated` and `internal`).
    public var roles: [Role]
    /// Where the role must be held.
    public var scope: Scope
    /// For `ownUnit` and `unitOrAbove`: the params field that names the target unit.
    public var unitField: String?

    /// Creates a policy.
    public init(roles: [Role], scope: Scope, unitField: String? = nil) {
        precondition(scope != .ownUnit && scope != .unitOrAbove || unitField != nil, "a unit scope needs the unit field")
        self.roles = roles
        self.scope = scope
        self.unitField = unitField
    }

    /// Anyone may call, logged in or not.
    public static let open = AccessPolicy(roles: [], scope: .public)
    /// Any logged-in account.
    public static let loggedIn = AccessPolicy(roles: [], scope: .authenticated)
    /// Only the gateway, on the internal socket.
    public static let gatewayOnly = AccessPolicy(roles: [], scope: .internal)

    /// `roles` held at the unit named by `unitField` or above it.
    public static func roles(_ roles: [Role], over unitField: String) -> AccessPolicy {
        AccessPolicy(roles: roles, scope: .unitOrAbove, unitField: unitField)
    }

    public static var fieldDocs: [String: String] {
        [
            "roles": "roles that may call",
            "scope": "public, authenticated, anywhere, ownUnit, unitOrAbove or internal",
            "unitField": "the params field naming the unit the call is about",
        ]
    }
}
