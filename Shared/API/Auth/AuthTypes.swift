import Foundation

/// What a login gives: a short-lived access token for every call, and a refresh token to
/// get the next one without the password.
public struct LoginResult: Codable, Sendable, Equatable, ShapeDocumented {
    /// Bearer token for calls (a signed JWT, minutes long).
    public var accessToken: String
    /// When the access token stops working.
    public var accessExpiresAt: Date
    /// One-time token for `auth.refresh` (days long; each use gives a new one).
    public var refreshToken: String
    /// When the refresh token stops working.
    public var refreshExpiresAt: Date
    /// Who logged in.
    public var account: AccountSummary
    /// The auth service's clock when it issued these tokens: clients judge expiry against it
    /// (a system started with `--now` issues tokens in its own time).
    public var issuedAt: Date?
    /// The password must be changed (`auth.changePassword`) before anything else: an admin
    /// reset it. Until then every call but that, `auth.whoami` and `auth.logout` is refused.
    public var mustChangePassword: Bool

    /// Creates a result.
    public init(accessToken: String, accessExpiresAt: Date, refreshToken: String, refreshExpiresAt: Date, account: AccountSummary,
                issuedAt: Date? = nil, mustChangePassword: Bool = false) {
        self.issuedAt = issuedAt
        self.mustChangePassword = mustChangePassword
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
        self.refreshExpiresAt = refreshExpiresAt
        self.account = account
    }

    public static var fieldDocs: [String: String] {
        [
            "accessToken": "bearer token for calls",
            "accessExpiresAt": "when the access token expires",
            "refreshToken": "one-time token for auth.refresh",
            "refreshExpiresAt": "when the refresh token expires",
            "account": "who logged in",
            "issuedAt": "the auth service's clock when it issued them (judge expiry against it)",
            "mustChangePassword": "the password must be changed (auth.changePassword) before any other call",
        ]
    }
}

/// An account as others see it (never its password hash or personal number).
public struct AccountSummary: Codable, Sendable, Equatable, ShapeDocumented {
    /// Stable id.
    public var id: String
    /// Login name.
    public var username: String
    /// Full name, for people.
    public var displayName: String
    /// The unit the account belongs to.
    public var unitId: String
    /// Roles at units.
    public var grants: [Grant]
    /// Whether a personal identification number is linked (for VNeID login).
    public var hasIdentity: Bool
    /// Until when repeated failed logins lock it, if they do now.
    public var lockedUntil: Date?
    /// Whether it must change its password before anything else (after an admin reset).
    public var mustChangePassword: Bool

    /// Creates a summary.
    public init(id: String, username: String, displayName: String, unitId: String, grants: [Grant], hasIdentity: Bool,
                lockedUntil: Date?, mustChangePassword: Bool = false) {
        self.mustChangePassword = mustChangePassword
        self.id = id
        self.username = username
        self.displayName = displayName
        self.unitId = unitId
        self.grants = grants
        self.hasIdentity = hasIdentity
        self.lockedUntil = lockedUntil
    }

    public static var fieldDocs: [String: String] {
        [
            "id": "stable account id",
            "username": "login name",
            "displayName": "full name",
            "unitId": "the account's unit",
            "grants": "roles at units",
            "hasIdentity": "a personal identification number is linked (VNeID login)",
            "lockedUntil": "locked after failed logins until then",
            "mustChangePassword": "must change its password before anything else (after an admin reset)",
        ]
    }
}

/// The level of a unit in the tree Trung ương → tỉnh → xã/phường → phòng, ban.
public enum UnitKind: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    case central
    case province
    case commune
    case department
}

/// A unit's name from a date on (names change: in 2026 ten xã became phường).
public struct UnitName: Codable, Sendable, Equatable, ShapeDocumented {
    /// The name, NFC.
    public var name: String
    /// From this day on (yyyy-MM-dd, Asia/Ho_Chi_Minh).
    public var validFrom: String

    /// Creates a dated name.
    public init(name: String, validFrom: String) {
        self.name = name
        self.validFrom = validFrom
    }

    public static var fieldDocs: [String: String] { ["name": "the name", "validFrom": "first day it applies (yyyy-MM-dd)"] }
}

/// A unit of the tree.
public struct UnitInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// Stable id (`vn`, `vn-75`, `vn-75-25246`, `vn-75-25246-vpdu`).
    public var id: String
    /// Official statistics code, where it has one.
    public var code: String?
    /// Its level.
    public var kind: UnitKind
    /// The parent unit; nil for the root.
    public var parentId: String?
    /// Path from the root, for reach.
    public var path: String
    /// Its name on the date asked about.
    public var name: String
    /// Every name it has had, oldest first.
    public var names: [UnitName]
    /// Its first day (its first name's); nil from a service that does not know.
    public var validFrom: String?
    /// The day a merge or split ended it (it no longer existed that day); nil while it exists.
    public var endedOn: String?
    /// Its name today, beside `name` (the name on the day asked about).
    public var currentName: String?
    /// The units that carry on its work since it ended.
    public var successorIds: [String]?
    /// The units whose work it carries on (merged or split into it).
    public var predecessorIds: [String]?

    /// Creates a unit.
    public init(id: String, code: String?, kind: UnitKind, parentId: String?, path: String, name: String, names: [UnitName],
                validFrom: String? = nil, endedOn: String? = nil, currentName: String? = nil, successorIds: [String]? = nil,
                predecessorIds: [String]? = nil) {
        self.id = id
        self.code = code
        self.kind = kind
        self.parentId = parentId
        self.path = path
        self.name = name
        self.names = names
        self.validFrom = validFrom
        self.endedOn = endedOn
        self.currentName = currentName
        self.successorIds = successorIds
        self.predecessorIds = predecessorIds
    }

    public static var fieldDocs: [String: String] {
        [
            "id": "stable id", "code": "official statistics code", "kind": "central, province, commune or department",
            "parentId": "parent unit", "path": "path from the root", "name": "name on the date asked about",
            "names": "every name, oldest first", "validFrom": "its first day", "endedOn": "the day a merge or split ended it",
            "currentName": "its name today", "successorIds": "units that carry on its work since it ended",
            "predecessorIds": "units whose work it carries on",
        ]
    }
}

/// One entry of the append-only audit log.
public struct AuditEntry: Codable, Sendable, Equatable, ShapeDocumented {
    /// Position in the log (strictly increasing).
    public var seq: Int64
    /// When.
    public var at: Date
    /// Who (account id), if known.
    public var account: String?
    /// Login name, if known.
    public var username: String?
    /// What: login, loginFailed, loginRefused, lockout, logout, grant, revoke, passwordChanged, passwordReset, call.
    public var action: String
    /// The method called, for calls.
    public var method: String?
    /// What it was about (unit, account, task …).
    public var target: String?
    /// ok, or the error code.
    public var outcome: String

    /// Creates an entry.
    public init(seq: Int64, at: Date, account: String?, username: String?, action: String, method: String?, target: String?,
                outcome: String) {
        self.seq = seq
        self.at = at
        self.account = account
        self.username = username
        self.action = action
        self.method = method
        self.target = target
        self.outcome = outcome
    }

    public static var fieldDocs: [String: String] {
        [
            "seq": "position in the log", "at": "when", "account": "account id", "username": "login name",
            "action": "login, loginFailed, loginRefused, lockout, logout, grant, revoke, passwordChanged, passwordReset, accountCreated, unitCreated, call",
            "method": "method called", "target": "what it was about", "outcome": "ok or the error code",
        ]
    }
}
