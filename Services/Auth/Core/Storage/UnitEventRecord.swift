import Foundation
import GRDB
import UnitRules

/// One row of `unit_events`: a rename, merge or split, with who recorded it, when and why
/// (append-only: the database refuses updates and deletes).
struct UnitEventRecord: AuthRecord {
    static let databaseTableName = "unit_events"
    var id: Int64?
    var kind: String
    var effectiveOn: String
    var reason: String
    var previousName: String?
    var newName: String?
    var accountId: String?
    var username: String?
    var recordedAt: Date

    enum Columns {
        static let id = Column("id")
        static let effectiveOn = Column("effective_on")
    }
}

/// One row of `unit_event_units`: a unit on one side of an event (`from`: ended or renamed;
/// `to`: carries on or renamed).
struct UnitEventUnitRecord: AuthRecord {
    static let databaseTableName = "unit_event_units"
    var eventId: Int64
    var unitId: String
    var side: String

    enum Columns {
        static let eventId = Column("event_id")
        static let unitId = Column("unit_id")
        static let side = Column("side")
    }
}
