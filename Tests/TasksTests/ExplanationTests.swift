import Foundation
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Requests for explanation about red flags: who may ask, who may answer, once; an unanswered
/// request past its date is a red flag of its own.
@Suite struct ExplanationTests {
    static let steering = Caller(account: "a-bcd", username: "bcd.binhtan", session: "s4",
                                 grants: [Grant(role: .steering, unitId: "vn-75-25246", unitPath: FixedUnits.paths["vn-75-25246"]!)])
    static let inspector = Caller(account: "a-ubkt", username: "ubkt.tinh", session: "s5",
                                  grants: [Grant(role: .inspector, unitId: "vn-75", unitPath: FixedUnits.paths["vn-75"]!)])
    static let otherHead = Caller(account: "a-head2", username: "ct.vpdu", session: "s6",
                                  grants: [Grant(role: .head, unitId: "vn-75-25246-vpdu", unitPath: FixedUnits.paths["vn-75-25246-vpdu"]!)])

    /// An overdue task of Phòng Kinh tế (due 30/11/2025), on 05/12/2025.
    static func overdueTask(_ fixture: TasksFixture) async throws -> TaskInfo {
        let task = try await fixture.task(try await fixture.plan(), time: "Hoàn thành trong tháng 11 năm 2025")
        fixture.moveTo("2025-12-05")
        return task
    }

    static func ask(_ fixture: TasksFixture, _ task: TaskInfo, by caller: Caller = steering, rule: String = "overdue",
                    dueOn: String = "2025-12-12") async throws -> ExplanationInfo {
        try await Explanations(fixture.context).request(.init(unitId: "vn-75-25246-pkt", kind: .task, itemId: task.id, rule: rule,
                                                               question: "Đề nghị giải trình lý do chậm rà soát hạ tầng số.", dueOn: dueOn),
                                                         caller: caller)
    }

    @Test func aLeaderAsksTheHeadAnswersAndTheRequestStaysWithTheUnit() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await Self.overdueTask(fixture)
        let asked = try await Self.ask(fixture, task)
        #expect(asked.state == .awaiting && asked.stateLabel == "Chờ giải trình" && asked.requestedBy == "bcd.binhtan")
        let explanations = Explanations(fixture.context)
        let answered = try await explanations.answer(.init(requestId: asked.id, unitId: "vn-75-25246-pkt",
                                                           answer: "Nhà thầu chậm bàn giao thiết bị; dự kiến xong 20/12/2025.",
                                                           evidenceIds: ["ev-vn-75-25246-pkt-1"]), caller: TasksFixture.head)
        #expect(answered.state == .answered && answered.answeredBy == "tp.pkt" && answered.evidenceIds == ["ev-vn-75-25246-pkt-1"])
        // The province's inspector sees it in the commune's record; the answer cannot be replaced.
        let listed = try await explanations.list(.init(unitId: "vn-75"))
        #expect(listed.map(\.id) == [asked.id] && listed.first?.answer == "Nhà thầu chậm bàn giao thiết bị; dự kiến xong 20/12/2025.")
        let again = await errorCode {
            _ = try await explanations.answer(.init(requestId: asked.id, unitId: "vn-75-25246-pkt", answer: "Sửa lại"), caller: TasksFixture.head)
        }
        #expect(again == .failedPrecondition)
        // Answered: no flag of its own, even after the date.
        fixture.moveTo("2025-12-20")
        #expect(try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246")).flags.allSatisfy { $0.rule != .explanationOverdue })
    }

    @Test func staffCannotAskAndAnotherUnitsHeadCannotAnswer() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await Self.overdueTask(fixture)
        #expect(await errorCode { _ = try await Self.ask(fixture, task, by: TasksFixture.staff) } == .permissionDenied)
        #expect(await errorCode { _ = try await Self.ask(fixture, task, by: TasksFixture.head) } == .permissionDenied)
        let asked = try await Self.ask(fixture, task, by: Self.inspector)
        let explanations = Explanations(fixture.context)
        // The head of Văn phòng Đảng ủy, naming the request: as their own unit, it is not theirs; as Phòng Kinh tế, not their unit.
        let asOwn = await errorCode {
            _ = try await explanations.answer(.init(requestId: asked.id, unitId: "vn-75-25246-vpdu", answer: "Không liên quan"), caller: Self.otherHead)
        }
        #expect(asOwn == .notFound)
        let asOther = await errorCode {
            _ = try await explanations.answer(.init(requestId: asked.id, unitId: "vn-75-25246-pkt", answer: "Không liên quan"), caller: Self.otherHead)
        }
        #expect(asOther == .permissionDenied)
        // Staff of the unit cannot answer for it either.
        #expect(await errorCode {
            _ = try await explanations.answer(.init(requestId: asked.id, unitId: "vn-75-25246-pkt", answer: "Em xin giải trình"), caller: TasksFixture.staff)
        } == .permissionDenied)
        #expect(try await explanations.list(.init(unitId: "vn-75-25246-pkt")).first?.answer == nil)
    }

    @Test func onlyARedFlagTheUnitAnswersForCanBeAskedAboutOnceAtATime() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await Self.overdueTask(fixture)
        // Not a flag the task has today; a date in the past; an empty question; another unit named.
        #expect(await errorCode { _ = try await Self.ask(fixture, task, rule: "sentBack") } == .failedPrecondition)
        #expect(await errorCode { _ = try await Self.ask(fixture, task, dueOn: "2025-12-01") } == .invalidArgument)
        let wrongUnit = await errorCode {
            _ = try await Explanations(fixture.context).request(.init(unitId: "vn-75-25246-vpdu", kind: .task, itemId: task.id, rule: "overdue",
                                                                      question: "Giải trình", dueOn: "2025-12-12"), caller: Self.steering)
        }
        #expect(wrongUnit == .notFound)
        let blank = await errorCode {
            _ = try await Explanations(fixture.context).request(.init(unitId: "vn-75-25246-pkt", kind: .task, itemId: task.id, rule: "overdue",
                                                                      question: "   ", dueOn: "2025-12-12"), caller: Self.steering)
        }
        #expect(blank == .invalidArgument)
        _ = try await Self.ask(fixture, task)
        #expect(await errorCode { _ = try await Self.ask(fixture, task) } == .alreadyExists)
    }

    @Test func anUnansweredRequestPastItsDateIsARedFlag() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let task = try await Self.overdueTask(fixture)
        let asked = try await Self.ask(fixture, task, dueOn: "2025-12-10")
        #expect(try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246")).flags.allSatisfy { $0.rule != .explanationOverdue })
        fixture.moveTo("2025-12-11")
        let flags = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246")).flags
        let flag = try #require(flags.first { $0.rule == .explanationOverdue })
        #expect(flag.level == .red && flag.since == "2025-12-11" && flag.unitId == "vn-75-25246-pkt" && flag.taskId == task.id)
        #expect(flag.detail.contains("hạn 10/12/2025, chưa được trả lời"))
        #expect(try await Explanations(fixture.context).list(.init(unitId: "vn-75-25246")).first?.state == .overdue)
        // A sibling commune's flags do not show it.
        #expect(try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25195")).flags.isEmpty)
        _ = asked
    }
}
