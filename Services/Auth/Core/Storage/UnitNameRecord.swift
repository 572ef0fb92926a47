import GRDB

/// One row of `unit_names`: a unit's name from a day on (`yyyy-MM-dd`).
struct UnitNameRecord: AuthRecord {
    static let databaseTableName = "unit_names"
    var unitId: String
    var validFrom: String
    var name: String

    enum Columns {
        static let unitId = Column("unit_id")
        static let validFrom = Column("valid_from")
    }
}
