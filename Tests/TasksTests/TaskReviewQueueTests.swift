import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Issue 15 item 3, task claims: the reviewer's queue spans their subtree, oldest first, and
/// offers a decision only where the review workflow allows one.
@Suite struct TaskReviewQueueTests {
    static let departmentReviewer = Caller(account: "a-rev-pkt", username: "vp.pkt", session: "s",
                                           grants: [Grant(role: .reviewer, unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"]!)])
    static let otherCommuneReviewer = Caller(account: "a-rev-bp", username: "vp.bp", session: "s",
                                             grants: [Grant(role: .reviewer, unitId: "vn-75-25195", unitPath: FixedUnits.paths["vn-75-25195"]!)])

    func submitted(_ fixture: TasksFixture, time: String = "Hoàn thành trong tháng 12 năm 2025", period: String? = nil) async throws -> TaskInfo {
        let task = try await fixture.task(try await fixture.plan(), time: time)
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"],
                                                   note: "Đã rà soát xong", period: period), caller: TasksFixture.staff)
        return try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt", period: period), caller: TasksFixture.head)
    }

    func queue(_ fixture: TasksFixture, unit: String, as caller: Caller, olderThan: Int? = nil) async throws -> [ReviewQueueItem] {
        try await TaskReviewQueue(context: fixture.context).list(ReviewQueueParams(unitId: unit, olderThanDays: olderThan), caller: caller).items
    }

    @Test("the commune's reviewer sees its department's claim listing the commune, and may decide it as offered")
    func subtreeReviewer() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await submitted(fixture)
        fixture.moveTo("2025-11-23")
        let items = try await queue(fixture, unit: "vn-75-25246", as: TasksFixture.reviewer)
        let item = try #require(items.first)
        #expect(items.count == 1)
        #expect(item.kind == .taskClaim && item.itemId == task.id && item.unitId == "vn-75-25246-pkt" && item.period == nil)
        #expect(item.title == "Rà soát hạ tầng số" && item.note == "Đã rà soát xong" && item.evidenceIds == ["ev-vn-75-25246-pkt-1"])
        #expect(item.submittedOn == "2025-11-20" && item.waitingDays == 3)
        #expect(item.canDecide && item.actions == [.accept, .sendBack])
        let accepted = try await fixture.workflow.review(.init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .accept), caller: TasksFixture.reviewer)
        #expect(accepted.state == .completedOnTime)
        #expect(try await queue(fixture, unit: "vn-75-25246", as: TasksFixture.reviewer).isEmpty)
    }

    @Test("a reviewer of the department itself is shown the claim, marked why, with no decision; a recurring report names its period")
    func ownUnit() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        _ = try await submitted(fixture, time: "Thực hiện thường xuyên", period: "2025-11")
        let item = try #require(try await queue(fixture, unit: "vn-75-25246-pkt", as: Self.departmentReviewer).first)
        #expect(!item.canDecide && item.actions.isEmpty)
        #expect(item.whyNot == "Không được chấp nhận đề nghị hoàn thành của chính đơn vị mình.")
        #expect(item.period == "2025-11" && item.title == "Rà soát hạ tầng số — báo cáo Tháng 11/2025")
    }

    @Test("another commune's reviewer is refused the commune's queue at the gateway and the backend; the age filter keeps older items")
    func hostileAndAge() async throws {
        for checkpoint in [PolicyCheckpoint.gateway, .backend] {
            #expect(throws: RPCError.self) {
                try TasksReviewQueue.policy.admit(Self.otherCommuneReviewer, unitId: "vn-75-25246", unitPath: FixedUnits.paths["vn-75-25246"], at: checkpoint)
            }
        }
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        _ = try await submitted(fixture)
        fixture.moveTo("2025-11-25")
        #expect(try await queue(fixture, unit: "vn", as: TasksFixture.reviewer, olderThan: 5).isEmpty)
        #expect(try await queue(fixture, unit: "vn", as: TasksFixture.reviewer, olderThan: 4).count == 1)
    }
}
