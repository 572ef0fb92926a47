import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Notes, difficulties and reasons over 4,000 characters are refused plainly, naming the field
/// and the limit, and nothing of the call is stored (issue 16 item 6); 4,000 exactly is kept.
@Suite struct LongTextTests {
    static let tooLong = String(String(repeating: "Đã rà soát hạ tầng. ", count: 1050).dropLast()) + "."  // 21,000 characters

    @Test("A 21,000-character note, difficulty or reason: invalid_argument on its field, the limit in words; nothing stored")
    func refused() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        let unit = "vn-75-25246-pkt"
        let progress = await rpcError {
            _ = try await fixture.workflow.progress(.init(taskId: task.id, unitId: unit, percent: 30, note: Self.tooLong), caller: TasksFixture.staff)
        }
        #expect(progress?.code == .invalidArgument && progress?.details?["field"] == "note")
        #expect(progress?.message.hasPrefix("Ghi chú dài 21.000 ký tự, vượt giới hạn 4.000 ký tự") == true)
        #expect(progress?.details?["limit"] == "4000")
        let difficulties = await rpcError {
            _ = try await fixture.workflow.progress(.init(taskId: task.id, unitId: unit, percent: 30, difficulties: Self.tooLong),
                                                    caller: TasksFixture.staff)
        }
        #expect(difficulties?.details?["field"] == "difficulties")
        let claim = await rpcError {
            _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: ["ev-vn-75-25246-pkt-1"], note: Self.tooLong),
                                                 caller: TasksFixture.staff)
        }
        #expect(claim?.code == .invalidArgument && claim?.details?["field"] == "note")
        #expect(try await fixture.reads.history(TaskRef(taskId: task.id, unitId: unit)).isEmpty, "nothing was stored")
        #expect(try await fixture.reads.get(TaskRef(taskId: task.id, unitId: unit)).percent == 0)

        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: unit, evidenceIds: ["ev-vn-75-25246-pkt-1"]), caller: TasksFixture.staff)
        _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: unit), caller: TasksFixture.head)
        let review = await rpcError {
            _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: unit, decision: .sendBack, reason: Self.tooLong),
                                                  caller: TasksFixture.reviewer)
        }
        #expect(review?.code == .invalidArgument && review?.details?["field"] == "reason")
        #expect(try await fixture.reads.get(TaskRef(taskId: task.id, unitId: unit)).state == .submitted, "still waiting for review")
    }

    @Test("A note of exactly 4,000 characters (after trimming) is kept whole")
    func atTheLimit() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        let note = String(repeating: "ể", count: 4000)
        _ = try await fixture.workflow.progress(.init(taskId: task.id, unitId: "vn-75-25246-pkt", percent: 10, note: "  \(note)\n"),
                                                caller: TasksFixture.staff)
        let history = try await fixture.reads.history(TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt"))
        #expect(history.last?.note == note)
    }
}
