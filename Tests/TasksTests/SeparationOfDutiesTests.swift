import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Issue 12: one account cannot approve its own work, whatever roles it holds; a plan gets
/// tasks only from its own unit or above; concurrent decisions on one claim leave one winner.
@Suite struct SeparationOfDutiesTests {
    static let commune = "/vn/vn-75/vn-75-25246/"
    /// Holds head and reviewer at xã Bình Tân: reaches the department's task with both roles.
    static let headAndReviewer = Caller(account: "a-both", username: "both", session: "s9", grants: [
        Grant(role: .head, unitId: "vn-75-25246", unitPath: commune),
        Grant(role: .reviewer, unitId: "vn-75-25246", unitPath: commune),
    ])
    static let secondReviewer = Caller(account: "a-rev2", username: "vp2", session: "s8",
                                       grants: [Grant(role: .reviewer, unitId: "vn-75", unitPath: "/vn/vn-75/")])

    func submittedTask(_ fixture: TasksFixture, claimedBy: Caller = TasksFixture.staff, submittedBy: Caller = TasksFixture.head) async throws -> TaskInfo {
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                              caller: claimedBy)
        return try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt"), caller: submittedBy)
    }

    @Test("an account holding head and reviewer above a department cannot claim, submit and accept alone")
    func headAndReviewerAlone() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await submittedTask(fixture, claimedBy: Self.headAndReviewer, submittedBy: Self.headAndReviewer)
        #expect(task.state == .submitted)
        for decision in [ReviewDecision.accept, .sendBack] {
            let error = await rpcError {
                _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: decision,
                                                             reason: "Thiếu chữ ký"), caller: Self.headAndReviewer)
            }
            #expect(error?.code == .permissionDenied)
            #expect(error?.details?["rule"] == "separationOfDuties")
        }
        let still = try await fixture.reads.get(TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt"))
        #expect(still.state == .submitted, "a refused decision changes nothing")
        let accepted = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .accept),
                                                          caller: Self.secondReviewer)
        #expect(accepted.state == .completedOnTime)
    }

    @Test("drafting alone makes an author: the staff who claimed cannot decide even when later made reviewer above")
    func drafterCannotDecide() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        var staffAndReviewer = TasksFixture.staff
        staffAndReviewer.grants.append(Grant(role: .reviewer, unitId: "vn-75", unitPath: "/vn/vn-75/"))
        let task = try await submittedTask(fixture, claimedBy: staffAndReviewer)
        let error = await rpcError {
            _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .accept), caller: staffAndReviewer)
        }
        #expect(error?.code == .permissionDenied)
    }

    @Test("a send-back and a new claim keep the earlier authors: none of them decides on the resubmission")
    func authorsOutliveASendBack() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await submittedTask(fixture, claimedBy: Self.headAndReviewer, submittedBy: TasksFixture.head)
        _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .sendBack, reason: "Thiếu ảnh"),
                                               caller: Self.secondReviewer)
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-2"]),
                                              caller: TasksFixture.staff)
        _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)
        let error = await rpcError {
            _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .accept), caller: Self.headAndReviewer)
        }
        #expect(error?.code == .permissionDenied)
    }

    @Test("only a role at the plan's unit or above adds a task to it; a department's reviewer cannot")
    func taskAddedOnlyFromThePlansUnit() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let departmentReviewer = Caller(account: "a-dep", username: "dep", session: "s7", grants: [
            Grant(role: .reviewer, unitId: "vn-75-25246-pkt", unitPath: "/vn/vn-75/vn-75-25246/vn-75-25246-pkt/")])
        let error = await rpcError {
            _ = try await fixture.planning.createTask(.init(planId: plan.id, groupCode: "II", title: "Việc tự thêm", leadUnitId: "vn-75-25246-pkt",
                                                             timeText: "Hoàn thành trong tháng 12 năm 2025"), caller: departmentReviewer)
        }
        #expect(error?.code == .permissionDenied)
        #expect(error?.details?["field"] == "planId")
        let tasks = try await fixture.reads.list(.init(unitId: "vn-75-25246"))
        #expect(tasks.isEmpty, "nothing added")
        // The province's reviewer, above the plan's unit, may.
        let added = try await fixture.planning.createTask(.init(planId: plan.id, groupCode: "II", title: "Việc của tỉnh giao",
                                                                 leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 12 năm 2025"),
                                                           caller: Self.secondReviewer)
        #expect(added.title == "Việc của tỉnh giao")
    }

    @Test("two reviewers accepting at once, or an accept racing a send-back: exactly one decision lands", arguments: [false, true])
    func concurrentDecisions(racingSendBack: Bool) async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await submittedTask(fixture)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                let caller = index % 2 == 0 ? TasksFixture.reviewer : Self.secondReviewer
                let decision: ReviewDecision = racingSendBack && index % 2 == 1 ? .sendBack : .accept
                group.addTask {
                    (try? await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: decision, reason: "Thiếu"),
                                                 caller: caller)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        let history = try await fixture.reads.history(TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt"))
        #expect(history.filter { $0.kind == .accept || $0.kind == .sendBack }.count == 1)
    }

    @Test("two heads submitting at once: one submission, one refusal")
    func concurrentSubmits() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                      caller: TasksFixture.staff)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 {
                group.addTask { (try? await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
    }
}
