import Foundation
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
@testable import TasksCore

/// A fixed tree: vn → vn-75 (Đồng Nai) → xã Bình Tân (with VP Đảng ủy and Phòng Kinh tế) and
/// phường Bình Phước.
struct FixedUnits: FixedUnitTree {
    static let paths: [String: String] = [
        "vn": "/vn/", "vn-75": "/vn/vn-75/",
        "vn-75-25246": "/vn/vn-75/vn-75-25246/",
        "vn-75-25246-vpdu": "/vn/vn-75/vn-75-25246/vn-75-25246-vpdu/",
        "vn-75-25246-pkt": "/vn/vn-75/vn-75-25246/vn-75-25246-pkt/",
        "vn-75-25195": "/vn/vn-75/vn-75-25195/",
    ]

}

/// Evidence ids "ev-<unit>-<n>" belong to <unit>; anything else does not exist.
struct FixedEvidence: EvidenceLookup {
    func files(_ ids: [String], unitId: String, caller: Caller) async throws -> [EvidenceInfo] {
        try ids.map { id in
            guard id.hasPrefix("ev-"), let unit = FixedUnits.paths.keys.first(where: { id.hasPrefix("ev-\($0)-") && !id.dropFirst(3 + $0.count + 1).contains("-") }) else {
                throw RPCError(.notFound, "Không có minh chứng \"\(id)\".")
            }
            return EvidenceInfo(id: id, sha256: String(repeating: "a", count: 64), size: 10, fileName: "bao-cao.pdf",
                                mediaType: "application/pdf", unitId: unit, uploadedBy: "cv", uploadedAt: Date(), supports: nil, status: .ok)
        }
    }

    func recordReview(_ ids: [String], decision: String, reviewer: String) async throws {}
}

/// The tasks service's parts over a fresh database, with a clock the test moves.
struct TasksFixture {
    let context: TasksContext
    var planning: TaskPlanning { TaskPlanning(context) }
    var reads: TaskReads { TaskReads(context) }
    var workflow: TaskWorkflow { TaskWorkflow(context) }
    var reports: TaskReports { TaskReports(context) }
    var deadlines: TaskDeadlines { TaskDeadlines(context) }
    let clock: ManualClock
    let folder: String

    static func day(_ iso: String) -> Date { NQ57Clock.parseDay(iso)!.addingTimeInterval(9 * 3600) }

    static let staff = Caller(account: "a-staff", username: "cv.pkt", session: "s1",
                              grants: [Grant(role: .staff, unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"]!)])
    static let head = Caller(account: "a-head", username: "tp.pkt", session: "s2",
                             grants: [Grant(role: .head, unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"]!)])
    static let reviewer = Caller(account: "a-rev", username: "vpdu", session: "s3",
                                 grants: [Grant(role: .reviewer, unitId: "vn-75-25246", unitPath: FixedUnits.paths["vn-75-25246"]!)])

    /// A fresh database, or (`sharing`) another fixture's database file opened again, as a second
    /// instance of the service would.
    init(today: String = "2025-11-20", reminders: ReminderCollaborators? = nil, sharing other: TasksFixture? = nil) throws {
        folder = other?.folder ?? "/tmp/nq57-tasks-\(UUID().uuidString.prefix(8))"
        let database = try ServiceDatabase(path: "\(folder)/tasks.sqlite") { TasksSchema.register(&$0) }
        clock = ManualClock(Self.day(today))
        context = TasksContext(database: database, units: FixedUnits(), evidence: FixedEvidence(), clock: clock.clock, reminders: reminders)
    }

    /// Plan 27-KH/ĐU of xã Bình Tân, issued 19/11/2025, with groups I and II.
    func plan() async throws -> PlanInfo {
        try await planning.createPlan(TasksPlanCreate.Params(
            number: "27-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", issuingUnitId: "vn-75-25246", issuedOn: "2025-11-19",
            implements: ["Nghị quyết 57-NQ/TW"], groups: [TaskGroupInfo(code: "I", title: "Lãnh đạo, chỉ đạo"),
                                                        TaskGroupInfo(code: "II", title: "Hạ tầng số")]), caller: Self.reviewer)
    }

    func task(_ plan: PlanInfo, time: String?, lead: String = "vn-75-25246-pkt", assignedOn: String? = nil) async throws -> TaskInfo {
        try await planning.createTask(TasksCreate.Params(planId: plan.id, groupCode: "II", title: "Rà soát hạ tầng số",
                                                          leadUnitId: lead, timeText: time, assignedOn: assignedOn), caller: Self.reviewer)
    }

    func moveTo(_ iso: String) {
        let target = Self.day(iso)
        clock.advance(by: target.timeIntervalSince(clock.clock.now))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
