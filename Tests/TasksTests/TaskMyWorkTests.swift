import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Issue 16 item 1, tasks: Việc của tôi shows each open task's next due date (a deadline, or the
/// current period of a recurring task), what is late (missed periods in one row), drafts waiting
/// for the head, and claims sent back with the reason first.
@Suite struct TaskMyWorkTests {
    func work(_ fixture: TasksFixture, _ caller: Caller = TasksFixture.staff, unit: String? = nil) async throws -> [MyWorkItem] {
        try await TaskMyWork(context: fixture.context).list(MyWorkParams(unitId: unit), caller: caller).items
    }

    @Test("a task with a deadline is due, then overdue with the days late")
    func deadline() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 12 năm 2025")
        let now = try await work(fixture)
        #expect(now.count == 1)
        #expect(now.first?.section == .due && now.first?.itemId == task.id && now.first?.dueOn == "2025-12-31" && now.first?.daysLate == 0)
        #expect(now.first?.actions == [.draft])
        fixture.moveTo("2026-01-04")
        let late = try await work(fixture)
        #expect(late.first?.section == .overdue && late.first?.daysLate == 4)
    }

    @Test("a recurring task: the missed months in one row from the earliest, and the current month due")
    func recurring() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        _ = try await fixture.task(try await fixture.plan(), time: "Thực hiện thường xuyên", assignedOn: "2025-11-19")
        fixture.moveTo("2026-02-10")
        let items = try await work(fixture)
        #expect(items.map(\.section) == [.overdue, .due])
        #expect(items[0].period == "2025-11" && items[0].missedPeriods == 3 && items[0].dueOn == "2025-11-30")
        #expect(items[1].period == "2026-02" && items[1].title == "Rà soát hạ tầng số — báo cáo Tháng 2/2026")
    }

    @Test("a draft waits for the head, who may submit it; a send-back comes first with its reason")
    func draftThenSentBack() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 12 năm 2025")
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                             caller: TasksFixture.staff)
        let head = try await work(fixture, TasksFixture.head)
        #expect(head.map(\.section) == [.draft])
        #expect(head.first?.actions.contains(.submit) == true)
        _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt"), caller: TasksFixture.head)
        #expect(try await work(fixture).isEmpty, "nothing owed while it waits for review")
        _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .sendBack, reason: "Thiếu biên bản"),
                                              caller: TasksFixture.reviewer)
        let back = try await work(fixture)
        #expect(back.first?.section == .sentBack && back.first?.reason == "Thiếu biên bản" && back.first?.sentBackOn == "2025-11-20")
    }

    @Test("only the caller's units: a unit outside them is refused; a reviewer owes nothing")
    func scope() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        _ = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 12 năm 2025", lead: "vn-75-25246-vpdu")
        #expect(try await work(fixture).isEmpty, "the staff of Phòng Kinh tế does not owe Văn phòng's task")
        let error = await rpcError { _ = try await work(fixture, unit: "vn-75-25246-vpdu") }
        #expect(error?.code == .permissionDenied)
        #expect(try await work(fixture, TasksFixture.reviewer).isEmpty)
    }
}
