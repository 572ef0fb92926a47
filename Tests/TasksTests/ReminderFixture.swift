import Foundation
import NQ57API
import NQ57Mail
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import TasksRules
@testable import TasksCore

/// People of the fixed tree with their roles and addresses; `contacts(at:)` answers as the auth
/// service does: those holding a role at the units asked about, with only those roles.
struct FixedContacts: ContactDirectory {
    var people: [ReminderContact]

    static func person(_ username: String, _ name: String, _ role: Role, at unitId: String, email: String? = nil,
                       mail: Bool = true) -> ReminderContact {
        ReminderContact(accountId: "a-\(username)", username: username, displayName: name,
                        email: email ?? "\(username)@demo.nq57.invalid", mailReminders: mail,
                        grants: [Grant(role: role, unitId: unitId, unitPath: FixedUnits.paths[unitId]!)])
    }

    /// Staff and head of Phòng Kinh tế, a steering member of xã Bình Tân, and one of the province who turned mail off.
    static let binhTan = FixedContacts(people: [
        person("cv.pkt", "Nguyễn Thị Hường", .staff, at: "vn-75-25246-pkt"),
        person("tp.pkt", "Trần Văn Bình", .head, at: "vn-75-25246-pkt"),
        person("bcd.binhtan", "Lê Minh Đức", .steering, at: "vn-75-25246"),
        person("bcd.tinh", "Phạm Quốc Hùng", .steering, at: "vn-75", mail: false),
    ])

    func contacts(at unitIds: [String]) async throws -> [ReminderContact] {
        let units = Set(unitIds)
        return people.compactMap { person in
            var person = person
            person.grants = person.grants.filter { units.contains($0.unitId) }
            return person.grants.isEmpty ? nil : person
        }
    }
}

/// KPI periods due, as a test lists them.
struct FixedKPIs: KPIDueSource {
    var items: [DueItem]
    func dueItems(asOf day: String) async throws -> [DueItem] { items }
}

/// The tasks service with reminders over a fresh database (or another runner's), a clock the
/// test moves, and mail through `relay`.
struct ReminderFixture {
    let tasks: TasksFixture
    let collaborators: ReminderCollaborators

    init(today: String = "2025-11-20", relay: Int?, contacts: FixedContacts = .binhTan, kpis: [DueItem] = [],
         sharing other: ReminderFixture? = nil) throws {
        let mail = relay.map { port in
            ReminderMailer(transport: SMTPClient(configuration: .init(relay: SMTPRelay(host: "127.0.0.1", port: port), timeout: .seconds(60))),
                           from: "nhac-viec@nq57.invalid")
        }
        collaborators = ReminderCollaborators(kpis: FixedKPIs(items: kpis), contacts: contacts, mail: mail)
        tasks = try TasksFixture(today: today, reminders: collaborators, sharing: other?.tasks)
    }

    var runner: ReminderRunner { ReminderRunner(tasks.context, collaborators: collaborators) }
    var reminders: Reminders { Reminders(tasks.context) }

    /// Moves the clock to 09:00 of `iso` and runs that day's reminders.
    func run(on iso: String) async throws -> ReminderRunReport {
        tasks.moveTo(iso)
        return try await runner.run(on: Day(iso: iso)!)
    }

    /// A caller with the account of `contact`.
    static func caller(_ contact: ReminderContact) -> Caller {
        Caller(account: contact.accountId, username: contact.username, session: "s-\(contact.username)", grants: contact.grants)
    }

    /// Plan 27-KH/ĐU (5 days of grace) with one task of Phòng Kinh tế due 30/11/2025.
    func planWithTask() async throws -> TaskInfo {
        let plan = try await tasks.planning.createPlan(TasksPlanCreate.Params(
            number: "27-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", issuingUnitId: "vn-75-25246", issuedOn: "2025-11-19",
            implements: ["Nghị quyết 57-NQ/TW"], groups: [TaskGroupInfo(code: "II", title: "Hạ tầng số")], escalateAfterDays: 5),
            caller: TasksFixture.reviewer)
        return try await tasks.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
    }
}
