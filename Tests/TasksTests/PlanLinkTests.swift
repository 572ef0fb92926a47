import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// A task linked into a second plan (`tasks.plans.link`): shown in both, reported once.
@Suite struct PlanLinkTests {
    static let reviewerBinhPhuoc = Caller(account: "a-rev2", username: "vp.bp", session: "s6",
                                          grants: [Grant(role: .reviewer, unitId: "vn-75-25195", unitPath: FixedUnits.paths["vn-75-25195"]!)])
    static let steeringBinhTan = Caller(account: "a-bcd", username: "bcd.bt", session: "s7",
                                        grants: [Grant(role: .steering, unitId: "vn-75-25246", unitPath: FixedUnits.paths["vn-75-25246"]!)])

    /// Xã Bình Tân's plan for Resolution 71 (education), issued 20/11/2025.
    static func plan71(_ fixture: TasksFixture) async throws -> PlanInfo {
        try await fixture.planning.createPlan(.init(
            number: "30-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 71-NQ/TW", issuingUnitId: "vn-75-25246", issuedOn: "2025-11-20",
            implements: ["Nghị quyết 71-NQ/TW"], groups: [TaskGroupInfo(code: "I", title: "Chuyển đổi số trong giáo dục")], programme: "nq71"),
            caller: TasksFixture.reviewer)
    }

    @Test("A task of the 57 plan linked into the 71 plan: in both plans and both programmes, one claim, counted once")
    func reportedOnce() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan57 = try await fixture.plan()
        let plan71 = try await Self.plan71(fixture)
        let shared = try await fixture.task(plan57, time: "Hoàn thành trong tháng 11 năm 2025")
        let only57 = try await fixture.task(plan57, time: "Hoàn thành trong tháng 11 năm 2025")
        let linked = try await PlanLinks(fixture.context).link(.init(planId: plan71.id, taskId: shared.id, unitId: "vn-75-25246"),
                                                               caller: TasksFixture.reviewer)
        #expect(linked.planId == plan57.id, "the task keeps its home plan")
        #expect(linked.linkedPlanIds == [plan71.id])
        #expect(linked.programmes == ["nq57", "nq71"])

        // Shown in both plans; the 71 plan counts it.
        #expect(try await fixture.reads.list(.init(unitId: "vn-75-25246", planId: plan57.id)).map(\.id).sorted() == [shared.id, only57.id].sorted())
        #expect(try await fixture.reads.list(.init(unitId: "vn-75-25246", planId: plan71.id)).map(\.id) == [shared.id])
        #expect(try await fixture.planning.listPlans(unitId: "vn-75-25246", programme: "nq71").map(\.taskCount) == [1])
        let published = try await fixture.reads.publicPlans(.init(unitId: "vn-75-25246"))
        #expect(published.plans.map { $0.tasks.count } == [2, 1])
        #expect(published.plans.map(\.programme) == ["nq57", "nq71"])

        // One claim, made once, accepted once: it shows the same through either plan.
        _ = try await fixture.workflow.claim(.init(taskId: shared.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                             caller: TasksFixture.staff)
        _ = try await fixture.workflow.submit(.init(taskId: shared.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)
        _ = try await fixture.workflow.review(.init(taskId: shared.id, unitId: "vn-75-25246-pkt", decision: .accept), caller: TasksFixture.reviewer)
        let through71 = try #require(try await fixture.reads.list(.init(unitId: "vn-75-25246", planId: plan71.id)).first)
        #expect(through71.state == .completedOnTime)
        #expect(through71.claims.count == 1)

        // Counted once in the commune's score, once in the dashboard's total, in each programme's row.
        let scores = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75", asOf: "2025-12-15"))
        let binhTan = try #require(scores.units.first { $0.unitId == "vn-75-25246" })
        #expect((binhTan.due, binhTan.onTime) == (2, 1))
        let scores71 = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75", asOf: "2025-12-15", programme: "nq71"))
        let binhTan71 = try #require(scores71.units.first { $0.unitId == "vn-75-25246" })
        #expect((binhTan71.due, binhTan71.onTime) == (1, 1))
        let dashboard = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-15"))
        #expect(dashboard.total.byState.values.reduce(0, +) == 2)
        #expect(dashboard.byProgramme.map(\.key) == ["nq57", "nq71"])
        #expect(dashboard.byProgramme.map { $0.byState.values.reduce(0, +) } == [2, 1])
        let dashboard71 = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-15", programme: "nq71"))
        #expect(dashboard71.total.byState == ["completedOnTime": 1])
        #expect(dashboard71.total.red == 0)

        // Flags name the programmes; the 71 view has no flag of the task that is only in the 57 plan.
        let flags = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-15"))
        #expect(flags.flags.map(\.taskId) == [only57.id])
        #expect(flags.flags.first?.programmes == ["nq57"])
        #expect(try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-15", programme: "nq71")).flags.isEmpty)
        #expect(try await fixture.reads.list(.init(unitId: "vn-75", programme: "nq71")).map(\.id) == [shared.id])
        #expect(try await fixture.reads.list(.init(unitId: "vn-75", programme: "nq68")).isEmpty)

        // Unlinked: back to its home plan only, its history whole.
        let unlinked = try await PlanLinks(fixture.context).unlink(.init(planId: plan71.id, taskId: shared.id, unitId: "vn-75-25246"),
                                                                   caller: Self.steeringBinhTan)
        #expect(unlinked.linkedPlanIds.isEmpty)
        #expect(unlinked.programmes == ["nq57"])
        #expect(try await fixture.reads.list(.init(unitId: "vn-75-25246", planId: plan71.id)).isEmpty)
        #expect(try await fixture.reads.history(TaskRef(taskId: shared.id, unitId: "vn-75-25246")).count == 3)
    }

    @Test("Refused: another unit's plan, another unit's task, staff, the home plan, twice, unlinking what is not linked", arguments: [
        "another unit's plan", "another unit's task", "staff of the unit", "home plan", "twice", "unlink not linked", "unknown plan",
    ])
    func refused(_ label: String) async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan57 = try await fixture.plan()
        let plan71 = try await Self.plan71(fixture)
        let task = try await fixture.task(plan57, time: "Hoàn thành trong tháng 12 năm 2025")
        let binhPhuocPlan = try await fixture.planning.createPlan(.init(
            number: "12-KH/ĐU", title: "Kế hoạch Nghị quyết 71", issuingUnitId: "vn-75-25195", issuedOn: "2025-11-20", implements: [],
            groups: [TaskGroupInfo(code: "I", title: "Giáo dục")], programme: "nq71"), caller: Self.reviewerBinhPhuoc)
        let links = PlanLinks(fixture.context)
        let error: RPCError?
        switch label {
        case "another unit's plan":
            // Bình Tân's reviewer, naming its own unit, reaches for Bình Phước's plan.
            error = await rpcError { _ = try await links.link(.init(planId: binhPhuocPlan.id, taskId: task.id, unitId: "vn-75-25246"),
                                                              caller: TasksFixture.reviewer) }
            #expect(error?.code == .permissionDenied)
            #expect(error?.details?["field"] == "planId")
        case "another unit's task":
            error = await rpcError { _ = try await links.link(.init(planId: binhPhuocPlan.id, taskId: task.id, unitId: "vn-75-25195"),
                                                              caller: Self.reviewerBinhPhuoc) }
            #expect(error?.code == .notFound)
            #expect(error?.details?["field"] == "taskId")
        case "staff of the unit":
            error = await rpcError { _ = try await links.link(.init(planId: plan71.id, taskId: task.id, unitId: "vn-75-25246"),
                                                              caller: TasksFixture.staff) }
            #expect(error?.code == .permissionDenied)
        case "home plan":
            error = await rpcError { _ = try await links.link(.init(planId: plan57.id, taskId: task.id, unitId: "vn-75-25246"),
                                                              caller: TasksFixture.reviewer) }
            #expect(error?.code == .failedPrecondition)
        case "twice":
            _ = try await links.link(.init(planId: plan71.id, taskId: task.id, unitId: "vn-75-25246"), caller: TasksFixture.reviewer)
            error = await rpcError { _ = try await links.link(.init(planId: plan71.id, taskId: task.id, unitId: "vn-75-25246"),
                                                              caller: Self.steeringBinhTan) }
            #expect(error?.code == .alreadyExists)
        case "unlink not linked":
            error = await rpcError { _ = try await links.unlink(.init(planId: plan71.id, taskId: task.id, unitId: "vn-75-25246"),
                                                                caller: TasksFixture.reviewer) }
            #expect(error?.code == .notFound)
        default:
            error = await rpcError { _ = try await links.link(.init(planId: "plan-nope", taskId: task.id, unitId: "vn-75-25246"),
                                                              caller: TasksFixture.reviewer) }
            #expect(error?.code == .notFound)
            #expect(error?.details?["field"] == "planId")
        }
        #expect(error != nil)
        #expect(error?.message.isEmpty == false)
        let after = try await fixture.reads.get(TaskRef(taskId: task.id, unitId: "vn-75-25246"))
        #expect(after.linkedPlanIds == (label == "twice" ? [plan71.id] : []), "nothing else written")
    }

    @Test("The task's page lists its plans (own first) and offers only the plans the caller may link it into")
    func plansOfTask() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan57 = try await fixture.plan()
        let plan71 = try await Self.plan71(fixture)
        let task = try await fixture.task(plan57, time: "Hoàn thành trong tháng 12 năm 2025")
        // Bình Phước's plan is not above the task's unit: never offered, whoever asks.
        _ = try await fixture.planning.createPlan(.init(
            number: "12-KH/ĐU", title: "Kế hoạch Nghị quyết 71", issuingUnitId: "vn-75-25195", issuedOn: "2025-11-20", implements: [],
            groups: [TaskGroupInfo(code: "I", title: "Giáo dục")], programme: "nq71"), caller: Self.reviewerBinhPhuoc)
        let links = PlanLinks(fixture.context)
        let ref = TaskRef(taskId: task.id, unitId: "vn-75-25246")

        let before = try await links.plans(of: ref, caller: TasksFixture.reviewer)
        #expect(before.plans.map(\.plan.id) == [plan57.id])
        #expect(before.plans.map(\.home) == [true] && before.plans.map(\.mayUnlink) == [false])
        #expect(before.linkable.map(\.id) == [plan71.id])
        #expect(before.linkable.map(\.programme) == ["nq71"])
        // Staff read the plans but may link into none.
        #expect(try await links.plans(of: ref, caller: TasksFixture.staff).linkable.isEmpty)

        _ = try await links.link(.init(planId: plan71.id, taskId: task.id, unitId: "vn-75-25246"), caller: Self.steeringBinhTan)
        let after = try await links.plans(of: ref, caller: TasksFixture.reviewer)
        #expect(after.plans.map(\.plan.id) == [plan57.id, plan71.id])
        #expect(after.plans.map(\.mayUnlink) == [false, true])
        #expect(after.linkable.isEmpty, "already linked: not offered again")
        #expect(try await links.plans(of: ref, caller: TasksFixture.staff).plans.map(\.mayUnlink) == [false, false])

        // Another commune's reviewer naming its own unit does not see Bình Tân's task.
        let error = await rpcError { _ = try await links.plans(of: TaskRef(taskId: task.id, unitId: "vn-75-25195"), caller: Self.reviewerBinhPhuoc) }
        #expect(error?.code == .notFound && error?.details?["field"] == "taskId")
    }
}
