import Foundation
import GRDB
import NQ57API
import ReviewRules

/// A row of `task_comments`: one comment on a task, kept for good.
struct TaskCommentRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "task_comments"

    var seq: Int64?
    var taskId: String
    var period: String?
    var at: Double
    var account: String?
    var username: String?
    /// The side it was written from (`ReviewRole`'s raw value).
    var role: String
    var text: String

    enum CodingKeys: String, CodingKey {
        case seq, period, at, account, username, role, text
        case taskId = "task_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { seq = inserted.rowID }

    /// The comments of a task, oldest first.
    static func all(_ db: Database, taskId: String) throws -> [TaskCommentRecord] {
        try filter(Column(CodingKeys.taskId) == taskId).order(Column(CodingKeys.seq)).fetchAll(db)
    }

    /// As the API shows it.
    var info: CommentInfo {
        CommentInfo(seq: seq ?? 0, at: Date(timeIntervalSince1970: at), username: username, role: ReviewRole(rawValue: role) ?? .staff, period: period, text: text)
    }
}
