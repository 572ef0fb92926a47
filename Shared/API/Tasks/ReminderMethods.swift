import Foundation
import TasksRules

/// `tasks.reminders.list`: the caller's own reminders, newest first, with the unread count.
public enum TasksRemindersList: APIMethod {
    public static let name = "tasks.reminders.list"
    public static let summary = "Your reminders (deadlines near or passed), newest first, with how many are unread."
    public static let policy = AccessPolicy.loggedIn
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unreadOnly: Bool?
        public var limit: Int?
        public init(unreadOnly: Bool? = nil, limit: Int? = nil) {
            self.unreadOnly = unreadOnly
            self.limit = limit
        }
        public static var fieldDocs: [String: String] { ["unreadOnly": "only those not read", "limit": "at most this many, 1 to 500 (default 100)"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var unread: Int
        public var reminders: [ReminderInfo]
        public init(unread: Int, reminders: [ReminderInfo]) {
            self.unread = unread
            self.reminders = reminders
        }
        public static var fieldDocs: [String: String] { ["unread": "how many are unread", "reminders": "newest first"] }
    }
}

/// `tasks.reminders.markRead`: marks some (or all) of the caller's own reminders read.
public enum TasksRemindersMarkRead: APIMethod {
    public static let name = "tasks.reminders.markRead"
    public static let summary = "Mark your reminders read: those with these ids, or all of them."
    public static let policy = AccessPolicy.loggedIn
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var ids: [Int64]?
        public init(ids: [Int64]? = nil) { self.ids = ids }
        public static var fieldDocs: [String: String] { ["ids": "your reminders to mark read; absent: all of them"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var unread: Int
        public init(unread: Int) { self.unread = unread }
        public static var fieldDocs: [String: String] { ["unread": "how many are still unread"] }
    }
}

/// `tasks.reminders.run`: raises what is due today and mails each person's digest now (the
/// services do the same each morning at 07:00 Vietnam time).
public enum TasksRemindersRun: APIMethod {
    public static let name = "tasks.reminders.run"
    public static let summary = "Raise today's reminders and send each person's daily digest now; what was already raised or sent is not again."
    public static let policy = AccessPolicy(roles: [.admin], scope: .anywhere)
    public static let writes = true
    public typealias Params = Empty
    public typealias Result = ReminderRunReport
}

/// What one run of the reminders did.
public struct ReminderRunReport: Codable, Sendable, Equatable, ShapeDocumented {
    /// The day it ran for (yyyy-MM-dd).
    public var day: String
    /// Items due within 7 days or overdue.
    public var dueItems: Int
    /// Reminders raised by this run (those raised before are not counted again).
    public var raised: Int
    /// Digests handed to the relay.
    public var mailed: Int
    /// Digests the relay did not take (tried again at the next run).
    public var mailFailed: Int
    /// Why, when some failed.
    public var mailError: String?
    public init(day: String, dueItems: Int, raised: Int, mailed: Int, mailFailed: Int, mailError: String? = nil) {
        self.day = day
        self.dueItems = dueItems
        self.raised = raised
        self.mailed = mailed
        self.mailFailed = mailFailed
        self.mailError = mailError
    }
    public static var fieldDocs: [String: String] {
        [
            "day": "yyyy-MM-dd", "dueItems": "items due within 7 days or overdue", "raised": "reminders raised by this run",
            "mailed": "digests sent", "mailFailed": "digests the relay refused or could not take (retried next run)",
            "mailError": "why",
        ]
    }
}
