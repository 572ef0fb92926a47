import Foundation
import GRDB

/// One row of `revocations`, the log of ended sessions the gateway follows by `seq`.
struct RevocationRecord: AuthRecord {
    static let databaseTableName = "revocations"
    /// Assigned by the database on insert.
    var seq: Int64?
    var sessionId: String
    var at: Date

    enum Columns {
        static let seq = Column("seq")
    }
}
