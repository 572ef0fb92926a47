import Foundation
import GRDB
import NQ57API

/// One row of `grants`: a role an account holds at a unit.
struct GrantRecord: AuthRecord {
    static let databaseTableName = "grants"
    var accountId: String
    var role: Role
    var unitId: String
    var grantedAt: Date

    enum Columns {
        static let accountId = Column("account_id")
        static let role = Column("role")
        static let unitId = Column("unit_id")
    }
}
