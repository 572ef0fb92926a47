import Foundation

/// `auth.units.list`: units under a unit (the whole tree by default), with their names on a date.
public enum AuthUnitsList: APIMethod {
    public static let name = "auth.units.list"
    public static let summary = "Units at and below a unit, named as on a date."
    public static let policy = AccessPolicy.open

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var under: String?
        public var asOf: String?
        public init(under: String? = nil, asOf: String? = nil) {
            self.under = under
            self.asOf = asOf
        }
        public static var fieldDocs: [String: String] {
            ["under": "root of the listing (default: the whole tree)", "asOf": "date for names, yyyy-MM-dd (default: today)"]
        }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var units: [UnitInfo]
        public init(units: [UnitInfo]) { self.units = units }
        public static var fieldDocs: [String: String] { ["units": "the units, by path"] }
    }
}

/// `auth.units.create`: a new unit under one the caller administers.
public enum AuthUnitsCreate: APIMethod {
    public static let name = "auth.units.create"
    public static let summary = "Create a unit under a parent; names may be dated."
    public static let policy = AccessPolicy.roles([.admin], over: "parentId")
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var id: String
        public var parentId: String
        public var kind: UnitKind
        public var code: String?
        public var names: [UnitName]
        public init(id: String, parentId: String, kind: UnitKind, code: String? = nil, names: [UnitName]) {
            self.id = id
            self.parentId = parentId
            self.kind = kind
            self.code = code
            self.names = names
        }
        public static var fieldDocs: [String: String] {
            [
                "id": "stable id (lowercase letters, digits, dashes)", "parentId": "parent unit",
                "kind": "province, commune or department", "code": "official statistics code",
                "names": "names with the date each applies from",
            ]
        }
    }

    public typealias Result = UnitInfo
}

/// `auth.units.rename`: a new name from a date on; earlier records keep the old name.
public enum AuthUnitsRename: APIMethod {
    public static let name = "auth.units.rename"
    public static let summary = "Give a unit a new name from a date on, keeping the old one for the time before."
    public static let policy = AccessPolicy.roles([.admin], over: "unitId")
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var name: UnitName
        public var reason: String?
        public init(unitId: String, name: UnitName, reason: String? = nil) {
            self.unitId = unitId
            self.name = name
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit", "name": "the new name and its first day (one differing only in where a tone mark sits is refused)",
             "reason": "why (recorded in the unit's history; default: the decision is not named)"]
        }
    }

    public typealias Result = UnitInfo
}

/// `auth.users.add`: a new account at a unit the caller administers.
public enum AuthUsersAdd: APIMethod {
    public static let name = "auth.users.add"
    public static let summary = "Create an account at a unit, with a password and optionally a personal identification number."
    public static let policy = AccessPolicy.roles([.admin], over: "unitId")
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var username: String
        public var displayName: String
        public var unitId: String
        public var password: String?
        public var personalNumber: String?
        public var email: String?
        public init(username: String, displayName: String, unitId: String, password: String? = nil, personalNumber: String? = nil,
                    email: String? = nil) {
            self.username = username
            self.displayName = displayName
            self.unitId = unitId
            self.password = password
            self.personalNumber = personalNumber
            self.email = email
        }
        public static var fieldDocs: [String: String] {
            [
                "username": "login name (letters, digits, . _ -)", "displayName": "full name",
                "unitId": "the account's unit", "password": "initial password (at least 10 characters)",
                "personalNumber": "12-digit personal identification number, for VNeID login",
                "email": "address the daily digest of reminders is mailed to",
            ]
        }
    }

    public typealias Result = AccountSummary
}

/// `auth.users.grant`: a role at a unit the caller administers, to an account the caller
/// administers (its unit and every role it holds within the caller's reach: the auth service checks).
public enum AuthUsersGrant: APIMethod {
    public static let name = "auth.users.grant"
    public static let summary =
        "Grant a role at a unit to an account, both within the caller's admin reach; the account's sessions end, unless it held the role already."
    public static let policy = AccessPolicy.roles([.admin], over: "unitId")
    public static let writes = true
    public typealias Params = GrantParams
    public typealias Result = AccountSummary
}

/// `auth.users.revoke`: take a role away from an account the caller administers; the
/// account's sessions end within seconds.
public enum AuthUsersRevoke: APIMethod {
    public static let name = "auth.users.revoke"
    public static let summary =
        "Revoke a role; the account's sessions end so the change takes effect within 5 seconds (a role not held changes nothing)."
    public static let policy = AccessPolicy.roles([.admin], over: "unitId")
    public static let writes = true
    public typealias Params = GrantParams
    public typealias Result = AccountSummary
}

/// Which role, for whom, at which unit.
public struct GrantParams: Codable, Sendable, ShapeDocumented {
    public var username: String
    public var role: Role
    public var unitId: String
    public init(username: String, role: Role, unitId: String) {
        self.username = username
        self.role = role
        self.unitId = unitId
    }
    public static var fieldDocs: [String: String] { ["username": "the account", "role": "the role", "unitId": "the unit"] }
}

/// `auth.users.list`: accounts of a unit and the units below it.
public enum AuthUsersList: APIMethod {
    public static let name = "auth.users.list"
    public static let summary = "Accounts at and below a unit."
    public static let policy = AccessPolicy.roles([.admin, .inspector], over: "unitId")

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public init(unitId: String) { self.unitId = unitId }
        public static var fieldDocs: [String: String] { ["unitId": "the unit"] }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var accounts: [AccountSummary]
        public init(accounts: [AccountSummary]) { self.accounts = accounts }
        public static var fieldDocs: [String: String] { ["accounts": "the accounts, by username"] }
    }
}

/// `auth.audit.list`: the audit log, filtered; for inspectors and admins.
public enum AuthAuditList: APIMethod {
    public static let name = "auth.audit.list"
    public static let summary = "Entries of the audit log about a unit and those below it, newest first, filtered."
    public static let policy = AccessPolicy.roles([.inspector, .admin], over: "unitId")

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var action: String?
        public var username: String?
        public var before: Int64?
        public var limit: Int?
        public init(unitId: String, action: String? = nil, username: String? = nil, before: Int64? = nil, limit: Int? = nil) {
            self.unitId = unitId
            self.action = action
            self.username = username
            self.before = before
            self.limit = limit
        }
        public static var fieldDocs: [String: String] {
            [
                "unitId": "entries about accounts of this unit and below", "action": "only this action",
                "username": "only this account", "before": "entries before this position (paging)",
                "limit": "at most this many (default 100, at most 1000)",
            ]
        }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var entries: [AuditEntry]
        public init(entries: [AuditEntry]) { self.entries = entries }
        public static var fieldDocs: [String: String] { ["entries": "newest first"] }
    }
}

/// `auth.audit.append`: the gateway's record of a write that went through it.
public enum AuthAuditAppend: APIMethod {
    public static let name = "auth.audit.append"
    public static let summary = "Append the gateway's records of calls to the audit log."
    public static let policy = AccessPolicy.gatewayOnly
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var entries: [AuditRecord]
        public init(entries: [AuditRecord]) { self.entries = entries }
        public static var fieldDocs: [String: String] { ["entries": "records of calls"] }
    }

    public typealias Result = Empty
}

/// A call as the gateway records it for the audit log.
public struct AuditRecord: Codable, Sendable, Equatable, ShapeDocumented {
    public var at: Date
    public var account: String?
    public var username: String?
    public var unitPath: String?
    /// The unit the call named, for the auth service to place a record whose path the gateway did not learn (a refused call).
    public var unitId: String?
    public var method: String
    /// What the call was: `call` (a write), `read` (of an evidence file) or `refused` (by the gateway or a service); nil is `call`.
    public var action: String?
    /// What it was about, as `kind:id` words: `task:…`, `indicator:…`, `evidence:…`, `plan:…`, `upload:…`, `unit:…`.
    public var target: String?
    public var outcome: String
    /// Unique per recorded call, so a batch sent again after a lost answer is stored once.
    public var id: String?
    public init(at: Date, account: String?, username: String?, unitPath: String?, unitId: String? = nil, method: String,
                action: String? = nil, target: String?, outcome: String, id: String? = UUID().uuidString) {
        self.id = id
        self.at = at
        self.account = account
        self.username = username
        self.unitPath = unitPath
        self.unitId = unitId
        self.method = method
        self.action = action
        self.target = target
        self.outcome = outcome
    }
    public static var fieldDocs: [String: String] {
        [
            "at": "when", "account": "caller's account", "username": "caller's login name",
            "unitPath": "path of the unit the call was about", "unitId": "the unit the call named (placed by the auth service when unitPath is absent)",
            "method": "method", "action": "call (a write), read (an evidence file) or refused; absent means call",
            "target": "what it was about: kind:id words (task:…, indicator:…, evidence:…, unit:…)",
            "outcome": "ok, or the error code (the refusal for a refused call)", "id": "unique id of the record (a resent record is stored once)",
        ]
    }
}
