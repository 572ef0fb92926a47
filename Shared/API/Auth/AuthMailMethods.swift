import Foundation

/// A person's mail settings.
public struct MailPreference: Codable, Sendable, Equatable, ShapeDocumented {
    /// Their address, if they have one.
    public var email: String?
    /// Whether they get the daily digest of reminders by mail.
    public var reminders: Bool
    public init(email: String?, reminders: Bool) {
        self.email = email
        self.reminders = reminders
    }
    public static var fieldDocs: [String: String] {
        ["email": "the address reminders are mailed to", "reminders": "whether the daily digest is mailed"]
    }
}

/// `auth.mail.get`: the caller's own mail settings.
public enum AuthMailGet: APIMethod {
    public static let name = "auth.mail.get"
    public static let summary = "Your email address and whether reminders are mailed to you."
    public static let policy = AccessPolicy.loggedIn
    public typealias Params = Empty
    public typealias Result = MailPreference
}

/// `auth.mail.set`: changes the caller's own mail settings.
public enum AuthMailSet: APIMethod {
    public static let name = "auth.mail.set"
    public static let summary = "Set your email address, or turn the daily digest of reminders off or on."
    public static let policy = AccessPolicy.loggedIn
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var email: String?
        public var reminders: Bool?
        public init(email: String? = nil, reminders: Bool? = nil) {
            self.email = email
            self.reminders = reminders
        }
        public static var fieldDocs: [String: String] {
            ["email": "new address (an empty string removes it); absent: unchanged", "reminders": "mail the digest or not; absent: unchanged"]
        }
    }
    public typealias Result = MailPreference
}

/// A person who may get reminders: their address and their roles at the units asked about.
public struct ReminderContact: Codable, Sendable, Equatable, ShapeDocumented {
    public var accountId: String
    public var username: String
    public var displayName: String
    public var email: String?
    /// Whether they want the digest mailed.
    public var mailReminders: Bool
    /// Their roles at the units asked about.
    public var grants: [Grant]
    public init(accountId: String, username: String, displayName: String, email: String?, mailReminders: Bool, grants: [Grant]) {
        self.accountId = accountId
        self.username = username
        self.displayName = displayName
        self.email = email
        self.mailReminders = mailReminders
        self.grants = grants
    }
    public static var fieldDocs: [String: String] {
        [
            "accountId": "account", "username": "login name", "displayName": "name", "email": "address",
            "mailReminders": "wants the digest mailed", "grants": "roles at the units asked about",
        ]
    }
}

/// `auth.contacts`: who holds a role at some units, with their addresses (internal: the reminder runner's).
public enum AuthContacts: APIMethod {
    public static let name = "auth.contacts"
    public static let summary = "Accounts holding roles at the given units, with their addresses and mail settings (internal)."
    public static let policy = AccessPolicy.gatewayOnly
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitIds: [String]
        public init(unitIds: [String]) { self.unitIds = unitIds }
        public static var fieldDocs: [String: String] { ["unitIds": "the units (at most 5000)"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var contacts: [ReminderContact]
        public init(contacts: [ReminderContact]) { self.contacts = contacts }
        public static var fieldDocs: [String: String] { ["contacts": "by login name"] }
    }
}
