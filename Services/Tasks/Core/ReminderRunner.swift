import Foundation
import GRDB
import Logging
import NQ57API
import NQ57Mail
import NQ57Runtime
import TasksRules

/// Raises the reminders due on a day and mails each person's digest: what
/// `tasks.reminders.run`, `nq57 reminders run` and the 07:00 schedule do.
///
/// Every reminder is recorded once, whatever runs at the same time on the same database: its
/// key (item, stage, person, due day) is unique and inserted with `INSERT OR IGNORE`. A digest is
/// claimed per person and day in `reminder_digests` before it is sent: the run that claims it
/// sends it; a failed one is claimed again by the next run, with every reminder still pending.
public struct ReminderRunner: Sendable {
    let context: TasksContext
    let collaborators: ReminderCollaborators

    /// A runner over the tasks service's `context`.
    public init(_ context: TasksContext, collaborators: ReminderCollaborators) {
        self.context = context
        self.collaborators = collaborators
    }

    /// Raises the reminders of `day` and sends the digests that are due.
    public func run(on day: Day) async throws -> ReminderRunReport {
        let (items, plans) = try await dueItems(on: day)
        var staged: [(DueItem, ReminderStage)] = []
        for item in items {
            guard let due = Day(iso: item.dueOn) else { continue }
            let grace = item.planUnitId.flatMap { unit in item.planNumber.flatMap { plans["\(unit)|\($0)"] } }
                ?? ReminderRules.defaultEscalationDays
            if let stage = ReminderRules.stage(due: due, today: day, escalateAfterDays: grace) { staged.append((item, stage)) }
        }
        let units = Set(staged.flatMap { $0.0.unitPath.split(separator: "/").map(String.init) })
        let contacts = units.isEmpty ? [] : try await collaborators.contacts.contacts(at: Array(units))
        let now = context.clock.now.timeIntervalSince1970
        var records: [ReminderRecord] = []
        for (item, stage) in staged {
            for contact in Self.recipients(of: item, at: stage, among: contacts) {
                let mailable = contact.email != nil && contact.mailReminders && collaborators.mail != nil
                records.append(ReminderRecord(
                    key: ReminderRecord.key(item, stage: stage, accountId: contact.accountId), accountId: contact.accountId,
                    username: contact.username, displayName: contact.displayName, email: contact.email, stage: stage, itemKind: item.kind,
                    itemId: item.itemId, period: item.period, title: item.title, unitId: item.unitId, dueOn: item.dueOn, raisedOn: day.iso,
                    message: ReminderMessages.sentence(item, stage: stage, today: day), createdAt: now,
                    mailState: mailable ? .pending : .off))
            }
        }
        let toRecord = records
        let raised = try await context.database.pool.write { db -> Int in
            var raised = 0
            for var record in toRecord {
                try record.insert(db, onConflict: .ignore)
                raised += db.changesCount
            }
            return raised
        }
        var report = ReminderRunReport(day: day.iso, dueItems: staged.count, raised: raised, mailed: 0, mailFailed: 0)
        if let mail = collaborators.mail { try await sendDigests(on: day, through: mail, report: &report) }
        context.logger.info("reminders run", metadata: [
            "day": "\(day.iso)", "due": "\(report.dueItems)", "raised": "\(report.raised)", "mailed": "\(report.mailed)",
            "mailFailed": "\(report.mailFailed)",
        ])
        return report
    }

    /// The items due within 7 days or overdue, tasks' and KPIs', with each plan's grace days by "issuing unit|number".
    func dueItems(on day: Day) async throws -> ([DueItem], [String: Int]) {
        let (tasks, plans) = try await context.database.pool.read { db in
            (try TaskRecord.all(db, under: "/", ordered: true), try PlanRecord.fetchAll(db))
        }
        let plansById = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        var items = tasks.flatMap { $0.dueItems(on: day, plan: plansById[$0.planId]) }
        if let kpis = collaborators.kpis { items += try await kpis.dueItems(asOf: day.iso) }
        let grace = Dictionary(plans.map { ("\($0.issuingUnitId)|\($0.number)", $0.escalateAfterDays) }, uniquingKeysWith: { first, _ in first })
        return (items, grace)
    }

    /// Who is told of `item` at `stage`: the unit's staff (its head when it has none) before the
    /// deadline, its head after it, the steering members at it or above it once escalated.
    static func recipients(of item: DueItem, at stage: ReminderStage, among contacts: [ReminderContact]) -> [ReminderContact] {
        func holding(_ role: Role, at units: Set<String>) -> [ReminderContact] {
            contacts.filter { contact in contact.grants.contains { $0.role == role && units.contains($0.unitId) } }
        }
        switch stage.audience {
        case .staff:
            let staff = holding(.staff, at: [item.unitId])
            return staff.isEmpty ? holding(.head, at: [item.unitId]) : staff
        case .head:
            return holding(.head, at: [item.unitId])
        case .steering:
            return holding(.steering, at: Set(item.unitPath.split(separator: "/").map(String.init)))
        }
    }

    /// Sends one digest per person with reminders waiting for mail, each claimed first.
    private func sendDigests(on day: Day, through mail: ReminderMailer, report: inout ReminderRunReport) async throws {
        let accounts = try await context.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT account_id FROM reminders WHERE mail_state = 'pending' ORDER BY account_id")
        }
        for account in accounts {
            let now = context.clock.now.timeIntervalSince1970
            let claimed = try await context.database.pool.write { db in
                try ReminderDigestRecord.claim(db, accountId: account, day: day.iso, now: now)
            }
            guard claimed else { continue }
            let pending = try await context.database.pool.read { db in
                try ReminderRecord.filter(ReminderRecord.Columns.accountId == account
                                            && ReminderRecord.Columns.mailState == ReminderRecord.MailState.pending.rawValue)
                    .order(ReminderRecord.Columns.id).fetchAll(db)
            }
            guard let latest = pending.last, let address = latest.email else {
                try await finish(account, day: day, sent: true, ids: [], error: nil)
                continue
            }
            let (subject, body) = ReminderMessages.digest(to: latest.displayName, reminders: pending, day: day)
            let message = MailMessage(from: mail.from, to: address, subject: subject, body: body, date: context.clock.now,
                                      messageId: "nhac-viec-\(day.iso)-\(account)-\(UUID().uuidString.lowercased().prefix(8))@nq57")
            do {
                try await mail.transport.deliver(message)
                try await finish(account, day: day, sent: true, ids: pending.compactMap(\.id), error: nil)
                report.mailed += 1
            } catch {
                context.logger.warning("reminder digest not sent", metadata: ["account": "\(account)", "error": "\(error)"])
                try await finish(account, day: day, sent: false, ids: [], error: "\(error)")
                report.mailFailed += 1
                report.mailError = "\(error)"
            }
        }
    }

    private func finish(_ account: String, day: Day, sent: Bool, ids: [Int64], error: String?) async throws {
        let now = context.clock.now.timeIntervalSince1970
        try await context.database.pool.write { db in
            if !ids.isEmpty {
                try ReminderRecord.filter(keys: ids).updateAll(db, ReminderRecord.Columns.mailState.set(to: ReminderRecord.MailState.sent.rawValue),
                                                               Column("mailed_at").set(to: now))
            }
            try ReminderDigestRecord.finish(db, accountId: account, day: day.iso, sent: sent, reminders: ids.count, error: error, now: now)
        }
    }
}
