import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar

/// A row of `indicators`: an indicator of a unit's plan as stored.
struct IndicatorRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicators"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    /// Its targets, by unit and milestone.
    static let targets = hasMany(TargetRow.self)

    var id: String
    var ownerUnitId: String
    var ownerUnitPath: String
    /// Empty when the indicator belongs to no numbered plan.
    var planNumber: String
    var code: String
    var name: String
    var group: String
    var kind: IndicatorKind
    var measure: Measure
    var unitOfMeasure: String?
    var direction: Direction
    var rollUp: RollUpRule
    var reportedBy: ReportedBy
    var frequency: Period
    var maxValue: Double?
    var trackingUnitId: String?
    var trackingText: String?
    var baseline: Double
    /// yyyy-MM-dd.
    var baselineOn: String
    var sourceLine: Int?
    var note: String?
    /// Seconds since the Unix epoch.
    var createdAt: Double
    /// The programme whose KPI set it is in (a code of the tasks service's `programmes`).
    var programme: String = DefaultProgramme.code

    private enum CodingKeys: String, CodingKey {
        case id, ownerUnitId, ownerUnitPath, planNumber, code, name, group = "grp", kind, measure, unitOfMeasure, direction, rollUp,
             reportedBy, frequency, maxValue, trackingUnitId, trackingText, baseline, baselineOn, sourceLine, note, createdAt, programme
    }

    /// The row with its targets, as one request reads them.
    struct WithTargets: Decodable, FetchableRecord {
        var indicator: IndicatorRow
        var targets: [TargetRow]
    }

    /// The indicator `id` with its targets.
    static func fetch(_ db: Database, id: String) throws -> WithTargets? {
        try IndicatorRow.filter(key: id).including(all: targets).asRequest(of: WithTargets.self).fetchOne(db)
    }

    /// Every indicator whose owner is at, above or below the unit at `path`, by owner, plan and
    /// code, with its targets.
    static func fetchAll(_ db: Database, concerning path: String) throws -> [WithTargets] {
        try IndicatorRow
            .filter(sql: "substr(?, 1, length(owner_unit_path)) = owner_unit_path OR substr(owner_unit_path, 1, length(?)) = ?",
                    arguments: [path, path, path])
            .order(Column("owner_unit_path"), Column("plan_number"), Column("code"))
            .including(all: targets)
            .asRequest(of: WithTargets.self)
            .fetchAll(db)
    }

    /// Whether the plan of `ownerUnitId` already has an indicator with `code`.
    static func exists(_ db: Database, ownerUnitId: String, planNumber: String, code: String) throws -> Bool {
        try IndicatorRow.filter(Column("owner_unit_id") == ownerUnitId && Column("plan_number") == planNumber && Column("code") == code)
            .isEmpty(db) == false
    }
}
