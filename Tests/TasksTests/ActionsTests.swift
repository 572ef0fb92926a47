import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Every task (and claim) returned to a caller carries what that caller may do on it today,
/// computed by the same rules that judge the move when it is made.
@Suite struct ActionsTests {
    static let unit = "vn-75-25246-pkt"

    @Test("staff may report progress and draft the claim but not submit it; the head may submit once it is drafted")
    func staffDraftHeadSubmits() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 12 năm 2025")
        let ref = TaskRef(taskId: task.id, unitId: Self.unit)
        let asStaff = try await fixture.reads.get(ref, caller: TasksFixture.staff)
        #expect(asStaff.actions == [.progress, .draft])
        #expect(asStaff.stateLabel == "Chưa triển khai")
        let drafted = try await fixture.workflow.claim(.init(taskId: task.id, unitId: Self.unit, evidenceIds: ["ev-vn-75-25246-pkt-1"]),
                                                       caller: TasksFixture.staff)
        #expect(!drafted.actions.contains(.submit), "staff never submit")
        #expect(drafted.claims.map(\.actions) == [[.draft]])
        let refused = await rpcError { _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: Self.unit), caller: TasksFixture.staff) }
        #expect(refused?.code == .permissionDenied, "the server refuses what the actions leave out")
        let asHead = try await fixture.reads.get(ref, caller: TasksFixture.head)
        #expect(asHead.actions.contains(.submit))
        #expect(try #require(asHead.claims.first).actions.contains(.submit))
        let submitted = try await fixture.workflow.submit(.init(taskId: task.id, unitId: Self.unit), caller: TasksFixture.head)
        #expect(submitted.actions.isEmpty, "nothing left for the head while the claim waits for review")
        #expect(submitted.stateLabel == "Chờ thẩm định")
    }

    @Test("the author-reviewer at the commune gets no accept or sendBack; the reviewer above does, and the server agrees")
    func authorReviewerGetsNoDecision() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await SeparationOfDutiesTests().submittedTask(fixture, claimedBy: SeparationOfDutiesTests.headAndReviewer,
                                                                     submittedBy: SeparationOfDutiesTests.headAndReviewer)
        let ref = TaskRef(taskId: task.id, unitId: Self.unit)
        let author = try await fixture.reads.get(ref, caller: SeparationOfDutiesTests.headAndReviewer)
        #expect(!author.actions.contains(.accept) && !author.actions.contains(.sendBack))
        #expect(author.claims.allSatisfy { !$0.actions.contains(.accept) && !$0.actions.contains(.sendBack) })
        let above = try await fixture.reads.list(.init(unitId: "vn-75"), caller: SeparationOfDutiesTests.secondReviewer)
        let seen = try #require(above.first { $0.id == task.id })
        #expect(seen.actions == [.accept, .sendBack])
        #expect(seen.claims.map(\.actions) == [[.accept, .sendBack]])
        let anonymous = try await fixture.reads.get(ref)
        #expect(anonymous.actions.isEmpty && anonymous.claims.allSatisfy { $0.actions.isEmpty })
        let accepted = try await fixture.workflow.review(.init(taskId: task.id, unitId: Self.unit, decision: .accept),
                                                         caller: SeparationOfDutiesTests.secondReviewer)
        #expect(accepted.actions.isEmpty, "an accepted claim cannot be decided again")
        #expect(accepted.stateLabel == "Hoàn thành đúng hạn")
    }

    @Test("a recurring task offers a new period report; each report carries its own actions")
    func recurringReports() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await fixture.task(try await fixture.plan(), time: "Thực hiện thường xuyên")
        let drafted = try await fixture.workflow.claim(.init(taskId: task.id, unitId: Self.unit, evidenceIds: ["ev-vn-75-25246-pkt-1"],
                                                             period: "2025-11"), caller: TasksFixture.staff)
        #expect(drafted.actions == [.progress, .draft])
        let asHead = try await fixture.reads.get(TaskRef(taskId: task.id, unitId: Self.unit), caller: TasksFixture.head)
        #expect(asHead.claims.map(\.period) == ["2025-11"])
        #expect(asHead.claims.first?.actions == [.draft, .submit])
    }
}
