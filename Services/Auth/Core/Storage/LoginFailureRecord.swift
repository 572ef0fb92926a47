import Foundation
import GRDB

/// One row of `login_failures`: the failed logins of a name typed, known or not, and until
/// when it is locked.
struct LoginFailureRecord: AuthRecord {
    static let databaseTableName = "login_failures"
    var username: String
    var failures: Int
    var lockedUntil: Date?
}
