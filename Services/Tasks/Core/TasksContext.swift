import Foundation
import Logging
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// What every part of the tasks service works with: its database, the auth and evidence
/// services it asks, its clock and the warning window of its flags.
public struct TasksContext: Sendable {
    let database: ServiceDatabase
    let units: any UnitLookup
    let evidence: any EvidenceLookup
    let clock: NQ57Clock
    let warningDays: Int
    let logger: Logger
    /// Whom the reminders ask and send through; nil where reminders are not run (some tests).
    let reminders: ReminderCollaborators?

    /// Creates the context.
    public init(database: ServiceDatabase, units: any UnitLookup, evidence: any EvidenceLookup, clock: NQ57Clock = .system,
                warningDays: Int = 7, logger: Logger = Logger(label: "nq57.tasks"), reminders: ReminderCollaborators? = nil) {
        self.reminders = reminders
        self.database = database
        self.units = units
        self.evidence = evidence
        self.clock = clock
        self.warningDays = warningDays
        self.logger = logger
    }

    /// Today in Asia/Ho_Chi_Minh, by the service's clock.
    var today: Day { Day(clock.now) }

    /// The day a caller asks about (`asOf`, yyyy-MM-dd), today by default.
    func day(_ asOf: String?) throws -> Day {
        guard let asOf else { return today }
        guard let day = Day(iso: asOf) else {
            throw RPCError(.invalidArgument, "Ngày \"\(asOf)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "asOf"])
        }
        return day
    }

    /// The path of a unit the caller names, `not_found` naming `field` if there is none.
    func unitPath(_ unitId: String, field: String = "unitId") async throws -> String {
        try await units.requiredPath(of: unitId, field: field)
    }
}
