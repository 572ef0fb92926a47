import GRDB
import MetricsRules
import NIOConcurrencyHelpers

/// Every accepted value, in memory, for roll-ups and dashboards that must answer in
/// milliseconds: the database holds the same rows (`accepted_values`, append-only) and is
/// read once at start; after that each acceptance is added here once its transaction commits.
final class AcceptedValues: Sendable {
    /// One accepted version of a unit's value for a period.
    struct Version: Sendable {
        var version: Int
        var number: ReportedNumber
        /// yyyy-MM-dd: it counts from this day on.
        var acceptedOn: String
    }

    /// indicator id → unit id → period key → versions, oldest first.
    typealias Table = [String: [String: [String: [Version]]]]

    private let table = NIOLockedValueBox(Table())

    init() {}

    /// Loads every accepted value from the database.
    func load(_ db: Database) throws {
        var loaded = Table()
        let rows = try AcceptedValueRow.cursor(db)
        while let row = try rows.next() {
            let version = Version(version: row.version, number: row.number, acceptedOn: row.acceptedOn)
            loaded[row.indicatorId, default: [:]][row.unitId, default: [:]][row.period, default: []].append(version)
        }
        table.withLockedValue { $0 = loaded }
    }

    /// Adds a version that has been committed.
    func add(indicatorId: String, unitId: String, period: String, _ version: Version) {
        table.withLockedValue { table in
            var versions = table[indicatorId, default: [:]][unitId, default: [:]][period, default: []]
            versions.append(version)
            versions.sort { $0.version < $1.version }
            table[indicatorId, default: [:]][unitId, default: [:]][period] = versions
        }
    }

    /// What counts for one indicator on one day: a snapshot that later acceptances do not change.
    func snapshot(of indicatorId: String, asOf: String) -> IndicatorValues {
        IndicatorValues(units: table.withLockedValue { $0[indicatorId] ?? [:] }, asOf: asOf)
    }
}

/// An indicator's accepted values as they stood on a day.
struct IndicatorValues: Sendable {
    let units: [String: [String: [AcceptedValues.Version]]]
    let asOf: String

    /// The unit's value for the period: the latest version accepted on or before `asOf`.
    func number(unitId: String, period: String) -> ReportedNumber? {
        guard let versions = units[unitId]?[period] else { return nil }
        return versions.last { $0.acceptedOn <= asOf }?.number
    }

    /// The periods the unit has a value for by `asOf`.
    func periods(unitId: String) -> [String] {
        (units[unitId] ?? [:]).compactMap { period, versions in versions.contains { $0.acceptedOn <= asOf } ? period : nil }
    }
}
