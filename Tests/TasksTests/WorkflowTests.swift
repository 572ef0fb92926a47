import Foundation
import NQ57API
import NQ57Wire
import NQ57TestSupport
import TasksRules
import Testing
@testable import TasksCore

/// Plans, tasks, progress, claims and review through the service's parts (planning, reads, workflow, reports), with a fixed clock.
@Suite struct WorkflowTests {

    @Test("Progress, claim, send back, rework, resubmit, accept: states, history and flags follow")
    func fullCycle() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        var task = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        #expect(task.deadline == "2025-12-31")
        #expect(task.state == .notStarted)
        let ref = { (asOf: String?) in TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt", asOf: asOf) }

        task = try await fixture.workflow.progress(.init(taskId: task.id, unitId: "vn-75-25246-pkt", percent: 30, note: "Đã khảo sát",
                                                  difficulties: "Thiếu kinh phí"), caller: TasksFixture.staff)
        #expect(task.state == .inProgress)
        #expect(task.percent == 30)

        // Behind the time roadmap on 20/12: 30% done with ~73% of the time gone (line: ≥ 36.5%).
        let behind = try await fixture.reads.get(ref("2025-12-20"))
        #expect(behind.flags.map(\.rule).contains(.behindSchedule))

        task = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"],
                                               note: "Báo cáo rà soát"), caller: TasksFixture.staff)
        fixture.moveTo("2025-12-10")
        task = try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)
        #expect(task.state == .submitted)

        task = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .sendBack,
                                                reason: "Minh chứng chưa có chữ ký"), caller: TasksFixture.reviewer)
        #expect(task.state == .needsRework)
        #expect(task.flags.map(\.rule).contains(.sentBack))

        task = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-2"]),
                                         caller: TasksFixture.staff)
        fixture.moveTo("2026-01-05")
        task = try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)
        task = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .accept), caller: TasksFixture.reviewer)
        #expect(task.state == .completedLate, "submitted on 05/01/2026 for a deadline of 31/12/2025")
        #expect(task.flags.isEmpty)
        #expect(task.percent == 100)

        let history = try await fixture.reads.history(ref(nil))
        #expect(history.map(\.kind) == [.progress, .claim, .submit, .sendBack, .claim, .submit, .accept] as [TaskHistoryKind])
        #expect(history.first?.difficulties == "Thiếu kinh phí")
        #expect(history[3].note == "Minh chứng chưa có chữ ký")
    }

    @Test("Bad input gets the right error and writes nothing", arguments: [
        "unknown plan", "unknown unit", "unreadable time", "progress over 100",
        "claim without evidence", "evidence of another unit", "unknown evidence", "review by the submitting unit",
        "review of a task not submitted", "second accept", "submit without a claim", "progress by another unit",
    ])
    func badInput(_ label: String) async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Quý IV năm 2025")
        let unit = "vn-75-25246-pkt"
        let expected: ErrorCode
        let got: ErrorCode?
        switch label {
        case "unknown plan":
            expected = .notFound
            got = await errorCode { _ = try await fixture.planning.createTask(.init(planId: "plan-x", groupCode: "I", title: "X", leadUnitId: unit, timeText: "Năm 2026"), caller: TasksFixture.reviewer) }
        case "unknown unit":
            expected = .notFound
            got = await errorCode { _ = try await fixture.task(plan, time: "Năm 2026", lead: "vn-99-1") }
        case "unreadable time":
            expected = .invalidArgument
            got = await errorCode { _ = try await fixture.task(plan, time: "khi nào xong thì báo") }
        case "progress over 100":
            expected = .invalidArgument
            got = await errorCode { _ = try await fixture.workflow.progress(.init(taskId: task.id, unitId: unit, percent: 101), caller: TasksFixture.staff) }
        case "claim without evidence":
            expected = .invalidArgument
            got = await errorCode { _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: []), caller: TasksFixture.staff) }
        case "evidence of another unit":
            expected = .invalidArgument
            got = await errorCode { _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: ["ev-vn-75-25195-1"]), caller: TasksFixture.staff) }
        case "unknown evidence":
            expected = .notFound
            got = await errorCode { _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: ["nope"]), caller: TasksFixture.staff) }
        case "review by the submitting unit":
            _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: ["ev-vn-75-25246-pkt-1"]), caller: TasksFixture.staff)
            _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: unit), caller: TasksFixture.head)
            expected = .permissionDenied
            let ownReviewer = Caller(account: "x", username: "x", session: "x",
                                     grants: [Grant(role: .reviewer, unitId: unit, unitPath: FixedUnits.paths[unit]!)])
            got = await errorCode { _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: unit, decision: .accept), caller: ownReviewer) }
        case "review of a task not submitted":
            expected = .failedPrecondition
            got = await errorCode { _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: unit, decision: .accept), caller: TasksFixture.reviewer) }
        case "second accept":
            _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: ["ev-vn-75-25246-pkt-1"]), caller: TasksFixture.staff)
            _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: unit), caller: TasksFixture.head)
            _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: unit, decision: .accept), caller: TasksFixture.reviewer)
            expected = .failedPrecondition
            got = await errorCode { _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: unit, decision: .accept), caller: TasksFixture.reviewer) }
        case "submit without a claim":
            expected = .failedPrecondition
            got = await errorCode { _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: unit), caller: TasksFixture.head) }
        default:
            expected = .permissionDenied
            got = await errorCode { _ = try await fixture.workflow.progress(.init(taskId: task.id, unitId: "vn-75-25246-vpdu", percent: 10), caller: TasksFixture.staff) }
        }
        #expect(got == expected, "\(label)")
        if label == "progress over 100" || label == "claim without evidence" || label == "unreadable time" {
            let history = try await fixture.reads.history(TaskRef(taskId: task.id, unitId: unit))
            #expect(history.isEmpty, "nothing half-written after \(label)")
        }
    }

    @Test("Scores rank the communes under the province with the formula shown")
    func scores() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let first = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
        _ = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
        _ = try await fixture.workflow.claim(.init(taskId: first.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"]), caller: TasksFixture.staff)
        _ = try await fixture.workflow.submit(.init(taskId: first.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)
        _ = try await fixture.workflow.review(.init(taskId: first.id, unitId: "vn-75-25246-pkt", decision: .accept), caller: TasksFixture.reviewer)
        let scores = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75", asOf: "2025-12-15"))
        let binhTan = try #require(scores.units.first { $0.unitId == "vn-75-25246" })
        #expect(binhTan.due == 2)
        #expect(binhTan.onTime == 1)
        #expect(binhTan.percent == 50)
        #expect(binhTan.rank == 1)
        #expect(binhTan.explanation.contains("1/2"))
        let binhPhuoc = try #require(scores.units.first { $0.unitId == "vn-75-25195" })
        #expect(binhPhuoc.due == 0)
        #expect(binhPhuoc.percent == nil)
        #expect(binhPhuoc.rank == 0 && binhPhuoc.notRanked == "Chưa có nhiệm vụ đến hạn", "nothing due: listed apart, not ranked")

        let dashboard = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-15"))
        #expect(dashboard.total.byState["completedOnTime"] == 1)
        #expect(dashboard.total.red == 1, "the other task is overdue")
        #expect(dashboard.byGroup.map(\.key) == ["II"])
    }

    @Test("A recurring task needs one report per period; a missing one is flagged")
    func recurring() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Thực hiện thường xuyên")
        #expect(task.recurrence == .month)
        #expect(task.deadline == nil)
        let flags = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246", asOf: "2026-01-10"))
        let missing = flags.flags.filter { $0.rule == .missingReport }
        #expect(missing.count == 2, "November and December 2025 have ended without a report")
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"],
                                                    period: "2025-11"), caller: TasksFixture.staff)
        _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt", period: "2025-11"), caller: TasksFixture.head)
        let after = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246", asOf: "2026-01-10"))
        #expect(after.flags.filter { $0.rule == .missingReport }.count == 1)
        let noPeriod = await errorCode {
            _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                                  caller: TasksFixture.staff)
        }
        #expect(noPeriod == .invalidArgument)
    }
}
