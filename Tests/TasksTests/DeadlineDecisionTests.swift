import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import TasksRules
import Testing
@testable import TasksCore

/// Tasks whose plan states no time, or a day before the plan's own date, are loaded and tracked as
/// such; a deadline set later is a recorded decision (`tasks.setDeadline`) that never overwrites the wording.
@Suite struct DeadlineDecisionTests {
    static let ward = "vn-75-25246"
    static let lead = "vn-75-25246-pkt"

    @Test("A task without a time is loaded as chưa xác định thời hạn, with a warning of its own class")
    func undated() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: nil)
        #expect(task.deadlineKind == .undetermined && task.deadlineKindLabel == "Chưa xác định thời hạn")
        #expect(task.deadline == nil && task.recurrence == nil && task.timeText.isEmpty && !task.overdue)
        let blank = try await fixture.task(plan, time: "   ")
        #expect(blank.deadlineKind == .undetermined, "a blank wording states no time either")

        // Not a red flag, not absent: a yellow warning of its own rule, counted apart on the dashboard.
        let flags = try await fixture.reports.flags(UnitAsOf(unitId: Self.ward, asOf: "2026-06-01")).flags
        #expect(flags.map(\.rule) == [.noDeadline, .noDeadline])
        #expect(flags.allSatisfy { $0.level == .yellow && $0.since == "2025-11-19" })
        let dashboard = try await fixture.reports.dashboard(UnitAsOf(unitId: Self.ward, asOf: "2026-06-01"))
        #expect(dashboard.total.undated == 2 && dashboard.total.red == 0 && dashboard.total.yellow == 0)
        #expect(dashboard.byGroup.first { $0.key == "II" }?.undated == 2)
        // Nothing is due, so nothing is scored against the unit.
        let scores = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75", asOf: "2026-06-01"))
        let ward = try #require(scores.units.first { $0.unitId == Self.ward })
        #expect(ward.due == 0 && ward.undated == 2, "not scored, shown beside the score")
    }

    @Test("A day before the plan's date is kept, noted, and the deadline counts from the plan's date")
    func beforeThePlan() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Hoàn thành trong Quý III năm 2025")
        #expect(task.timeText == "Hoàn thành trong Quý III năm 2025", "the wording is kept as written")
        #expect(task.statedDeadline == "2025-09-30")
        #expect(task.deadline == "2025-11-19" && task.deadlineBasis == .planDate)
        #expect(task.deadlineNote == "Thời hạn ghi trong văn bản (30/09/2025) trước ngày ban hành kế hoạch (19/11/2025); "
            + "thời hạn được tính từ ngày ban hành kế hoạch.")
        let later = try await fixture.reads.get(TaskRef(taskId: task.id, unitId: Self.lead, asOf: "2025-11-25"))
        let overdue = try #require(later.flags.first { $0.rule == .overdue })
        #expect(overdue.since == "2025-11-20", "overdue from the day after the plan's date, not from 01/10/2025")
        #expect(overdue.detail.contains("Quá hạn 6 ngày"))
    }

    @Test("The plan's reviewer sets a deadline: recorded with who, when, why and the previous value; the wording stays")
    func decided() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: nil)
        fixture.moveTo("2025-12-01")
        var decided = try await fixture.deadlines.setDeadline(
            .init(taskId: task.id, unitId: Self.ward, deadline: "2026-03-31", reason: "  Ban Chỉ đạo thống nhất tại cuộc họp 28/11  "),
            caller: TasksFixture.reviewer)
        #expect(decided.deadline == "2026-03-31" && decided.deadlineKind == .due && decided.deadlineBasis == .decision)
        #expect(decided.timeText.isEmpty && decided.statedDeadline == nil, "the source's silence is kept")
        #expect(decided.deadlineNote?.contains("31/03/2026 do quyết định đặt") == true)
        #expect(!decided.flags.contains { $0.rule == .noDeadline }, "no longer without a deadline")

        // A later change records the previous value, and is judged against again by the flags.
        let steering = Caller(account: "a-bcd", username: "bcd.tinh", session: "s9",
                              grants: [Grant(role: .steering, unitId: "vn-75", unitPath: "/vn/vn-75/")])
        fixture.moveTo("2026-01-10")
        decided = try await fixture.deadlines.setDeadline(
            .init(taskId: task.id, unitId: "vn-75", deadline: "2026-01-15", reason: "Đẩy nhanh theo chỉ đạo của tỉnh"), caller: steering)
        #expect(decided.flags.map(\.rule).contains(.dueSoon), "the flags judge the deadline in force")

        let history = try await fixture.reads.history(TaskRef(taskId: task.id, unitId: Self.lead))
        #expect(history.map(\.kind) == [.setDeadline, .setDeadline])
        #expect(history.map(\.username) == ["vpdu", "bcd.tinh"])
        #expect(history.map(\.previousDeadline) == [nil, "2026-03-31"])
        #expect(history.map(\.newDeadline) == ["2026-03-31", "2026-01-15"])
        #expect(history.first?.note == "Ban Chỉ đạo thống nhất tại cuộc họp 28/11")
        #expect(history.first?.at == TasksFixture.day("2025-12-01"))
    }

    @Test("Refused deadline decisions change nothing", arguments: [
        "no reason", "malformed day", "before the plan", "in the past", "same again", "recurring task", "claim in review",
        "head of the lead department", "reviewer of another commune", "task of another commune",
    ])
    func refused(_ label: String) async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        var task = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        fixture.moveTo("2025-12-01")
        var params = TasksSetDeadline.Params(taskId: task.id, unitId: Self.ward, deadline: "2026-02-28", reason: "Gia hạn")
        var caller = TasksFixture.reviewer
        let expected: ErrorCode
        switch label {
        case "no reason":
            params.reason = " \n"
            expected = .invalidArgument
        case "malformed day":
            params.deadline = "28/02/2026"
            expected = .invalidArgument
        case "before the plan":
            params.deadline = "2025-11-18"
            expected = .failedPrecondition
        case "in the past":
            params.deadline = "2025-11-30"
            expected = .failedPrecondition
        case "same again":
            params.deadline = "2025-12-31"
            expected = .failedPrecondition
        case "recurring task":
            task = try await fixture.task(plan, time: "Thực hiện thường xuyên")
            params.taskId = task.id
            expected = .failedPrecondition
        case "claim in review":
            // The unit must not move its deadline under a claim already sent to be judged against it.
            _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: Self.lead, evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                                 caller: TasksFixture.staff)
            _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: Self.lead), caller: TasksFixture.head)
            expected = .failedPrecondition
        case "head of the lead department":
            // The lead department's own head cannot extend its own deadline: the role must reach the plan's unit.
            params.unitId = Self.lead
            caller = TasksFixture.head
            expected = .permissionDenied
        case "reviewer of another commune":
            caller = Caller(account: "a-other", username: "vp.binhphuoc", session: "s8",
                            grants: [Grant(role: .reviewer, unitId: "vn-75-25195", unitPath: "/vn/vn-75/vn-75-25195/")])
            params.unitId = "vn-75-25195"
            expected = .notFound
        default:
            params.taskId = "task-of-someone-else"
            expected = .notFound
        }
        let got = await errorCode { _ = try await fixture.deadlines.setDeadline(params, caller: caller) }
        #expect(got == expected, "\(label)")
        let history = try await fixture.reads.history(TaskRef(taskId: task.id, unitId: Self.lead))
        #expect(!history.contains { $0.kind == .setDeadline }, "nothing recorded after \(label)")
        let now = try await fixture.reads.get(TaskRef(taskId: task.id, unitId: Self.lead))
        #expect(now.deadlineBasis == .source && now.deadline == task.deadline, "the deadline is unchanged after \(label)")
    }

    @Test("Two decisions at once: both are recorded in order, each with the value the other left")
    func concurrentDecisions() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: nil)
        async let first = fixture.deadlines.setDeadline(.init(taskId: task.id, unitId: Self.ward, deadline: "2026-03-31", reason: "Một"),
                                                        caller: TasksFixture.reviewer)
        async let second = fixture.deadlines.setDeadline(.init(taskId: task.id, unitId: Self.ward, deadline: "2026-06-30", reason: "Hai"),
                                                         caller: TasksFixture.reviewer)
        _ = try await (first, second)
        let history = try await fixture.reads.history(TaskRef(taskId: task.id, unitId: Self.lead))
        #expect(history.count == 2)
        #expect(history[0].previousDeadline == nil && history[1].previousDeadline == history[0].newDeadline)
        let now = try await fixture.reads.get(TaskRef(taskId: task.id, unitId: Self.lead))
        #expect(now.deadline == history[1].newDeadline)
    }
}
