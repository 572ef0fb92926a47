import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Issue 16 item 5, tasks: comments between the lead unit and its reviewers, kept with the task,
/// the text through the 4,000-character rule.
@Suite struct TaskCommentsTests {
    @Test("the staff asks, the reviewer answers; both kept with the task, oldest first, each with its side")
    func conversation() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 12 năm 2025")
        let comments = TaskComments(context: fixture.context)
        _ = try await comments.add(.init(taskId: task.id, unitId: "vn-75-25246-pkt", text: "  Biên bản cần chữ ký của ai?  "), caller: TasksFixture.staff)
        fixture.moveTo("2025-11-21")
        _ = try await comments.add(.init(taskId: task.id, unitId: "vn-75-25246", text: "Chữ ký của Trưởng phòng."), caller: TasksFixture.reviewer)
        let list = try await comments.list(TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt")).comments
        #expect(list.map(\.text) == ["Biên bản cần chữ ký của ai?", "Chữ ký của Trưởng phòng."])
        #expect(list.map(\.role) == [.staff, .reviewer])
        #expect(list.map(\.username) == ["cv.pkt", "vpdu"])
        #expect(list[0].seq < list[1].seq && list[0].at < list[1].at)
    }

    @Test("blank, over 4,000 characters, or a period of a task with a deadline: refused naming the field, nothing stored")
    func badInput() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 12 năm 2025")
        let comments = TaskComments(context: fixture.context)
        for (text, period, field) in [("   ", nil, "text"), (String(repeating: "ý", count: 4_001), nil, "text"), ("Hỏi", "2025-11", "period")] {
            let error = await rpcError {
                _ = try await comments.add(.init(taskId: task.id, unitId: "vn-75-25246-pkt", period: period, text: text), caller: TasksFixture.staff)
            }
            #expect(error?.code == .invalidArgument && error?.details?["field"] == field)
        }
        #expect(try await comments.list(TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt")).comments.isEmpty)
    }

    @Test("another commune's staff is refused at the door; a steering member may read but not write")
    func whoMay() throws {
        let other = Caller(account: "x", username: "x", session: "s", grants: [Grant(role: .staff, unitId: "vn-75-25195", unitPath: "/vn/vn-75/vn-75-25195/")])
        #expect(throws: RPCError.self) { try TasksCommentAdd.policy.admit(other, unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"], at: .backend) }
        let steering = Caller(account: "y", username: "y", session: "s", grants: [Grant(role: .steering, unitId: "vn-75", unitPath: "/vn/vn-75/")])
        #expect(throws: RPCError.self) { try TasksCommentAdd.policy.admit(steering, unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"], at: .backend) }
        try TasksCommentList.policy.admit(steering, unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"], at: .backend)
    }
}
