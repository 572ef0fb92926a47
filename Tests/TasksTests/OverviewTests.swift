import Foundation
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import Testing
import TasksRules
@testable import TasksCore

/// The leader's overview, the honest ranking (formula v2) and task states replayed for a past day.
@Suite struct OverviewTests {
    static let vpduStaff = Caller(account: "a-staff-vp", username: "cv.vpdu", session: "s5",
                                  grants: [Grant(role: .staff, unitId: "vn-75-25246-vpdu", unitPath: FixedUnits.paths["vn-75-25246-vpdu"]!)])
    static let vpduHead = Caller(account: "a-head-vp", username: "tp.vpdu", session: "s6",
                                 grants: [Grant(role: .head, unitId: "vn-75-25246-vpdu", unitPath: FixedUnits.paths["vn-75-25246-vpdu"]!)])

    /// Claims, submits and (unless `sendBack`) accepts a task or one period of it, all on the fixture's today.
    func complete(_ fixture: TasksFixture, _ task: TaskInfo, period: String? = nil, sendBack: String? = nil) async throws {
        let vpdu = task.leadUnitId == "vn-75-25246-vpdu"
        let (staff, head) = vpdu ? (Self.vpduStaff, Self.vpduHead) : (TasksFixture.staff, TasksFixture.head)
        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: task.leadUnitId, evidenceIds: ["ev-\(task.leadUnitId)-1"], period: period),
                                             caller: staff)
        _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: task.leadUnitId, period: period), caller: head)
        _ = try await fixture.workflow.review(.init(taskId: task.id, unitId: task.leadUnitId, decision: sendBack == nil ? .accept : .sendBack,
                                                    reason: sendBack, period: period), caller: TasksFixture.reviewer)
    }

    @Test("A past day counts the states of that day: an accept or a send-back made later does not count for it")
    func replayedStates() async throws {
        let fixture = try TasksFixture(today: "2025-11-20")
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let accepted = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
        let sentBack = try await fixture.task(plan, time: "Hoàn thành trong tháng 12 năm 2025")
        _ = try await fixture.workflow.progress(.init(taskId: accepted.id, unitId: accepted.leadUnitId, percent: 40), caller: TasksFixture.staff)
        fixture.moveTo("2025-11-25")
        try await complete(fixture, accepted)
        fixture.moveTo("2025-12-10")
        try await complete(fixture, sentBack, sendBack: "Thiếu chữ ký")
        fixture.moveTo("2026-01-05")

        let before = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-11-22"))
        #expect(before.states?.basis == "replayed" && before.states?.current == 0)
        #expect(before.total.byState == ["inProgress": 1, "notStarted": 1], "the accept of 25/11 is not yet there on 22/11")
        let between = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-05"))
        #expect(between.total.byState == ["completedOnTime": 1, "notStarted": 1])
        let flagsThen = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-05"))
        #expect(!flagsThen.flags.contains { $0.rule == .sentBack }, "the send-back of 10/12 is not a flag on 05/12")
        let now = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75-25246"))
        #expect(now.states?.basis == "current")
        #expect(now.total.byState == ["completedOnTime": 1, "needsRework": 1])
        let flagsNow = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75-25246"))
        #expect(flagsNow.flags.contains { $0.rule == .sentBack })
        // A score of a past day is that day's: on 22/11 nothing was due yet, on 05/12 one of one on time.
        let scoresThen = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75-25246", asOf: "2025-12-05"))
        #expect(scoresThen.units.first { $0.unitId == "vn-75-25246-pkt" }?.percent == 100)
    }

    @Test("Tasks count as tasks: a recurring task is one due task scored by its share of on-time reports, periods counted apart")
    func recurringCountsOnce() async throws {
        let fixture = try TasksFixture(today: "2025-11-20")
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let once = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
        let monthly = try await fixture.task(plan, time: "Thực hiện thường xuyên")
        fixture.moveTo("2025-11-28")
        try await complete(fixture, once)
        try await complete(fixture, monthly, period: "2025-11")
        fixture.moveTo("2026-02-10")
        // pkt: 1 task on time; the monthly task has 3 ended months (11, 12, 01), 1 on time → 1 + 1/3 of 2 tasks.
        let scores = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75-25246"))
        #expect(scores.formulaVersion == 2 && scores.formulaLabel.contains("v2"))
        let pkt = try #require(scores.units.first { $0.unitId == "vn-75-25246-pkt" })
        #expect(pkt.due == 2, "two tasks, not 1 + 3 periods")
        #expect(pkt.reportsDue == 3 && pkt.reportsOnTime == 1)
        #expect(pkt.percent == 66.7 && pkt.band == .fair && pkt.rank == 1)
        #expect(pkt.explanation.contains("1/3 kỳ báo cáo"), "\(pkt.explanation)")
        // The same day under formula v1 (periods counted as tasks) can still be computed: 2 of 4.
        let v1 = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75-25246", formulaVersion: 1))
        #expect(v1.formulaVersion == 1)
        let pktV1 = try #require(v1.units.first { $0.unitId == "vn-75-25246-pkt" })
        #expect(pktV1.due == 4 && pktV1.percent == 50)
        let unknown = await rpcError { _ = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75-25246", formulaVersion: 9)) }
        #expect(unknown?.code == .invalidArgument && unknown?.details?["field"] == "formulaVersion")
        // vpdu has nothing due: listed after, without rank, saying why.
        let vpdu = try #require(scores.units.last)
        #expect(vpdu.unitId == "vn-75-25246-vpdu" && vpdu.rank == 0 && vpdu.notRanked == "Chưa có nhiệm vụ đến hạn")
    }

    @Test("Equal scores share a rank and the next rank skips; a unit with nothing due has none")
    func ties() async throws {
        let fixture = try TasksFixture(today: "2025-11-20")
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let pkt = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
        let vpdu = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025", lead: "vn-75-25246-vpdu")
        fixture.moveTo("2025-11-26")
        try await complete(fixture, pkt)
        try await complete(fixture, vpdu)
        fixture.moveTo("2025-12-15")
        let scores = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75-25246"))
        #expect(scores.units.map(\.rank) == [1, 1])
        let province = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75"))
        #expect(province.units.map(\.unitId) == ["vn-75-25246", "vn-75-25195"])
        #expect(province.units.map(\.rank) == [1, 0], "phường Bình Phước has nothing due: not ranked 2nd")
        #expect(CompetitionRanking.ranks([90, 80, 80, 70, nil]) == [1, 2, 2, 4, 0])
    }

    @Test("The overview: headline, units by red flags, missing periods in one row naming the unit, a monthly trend")
    func overview() async throws {
        let fixture = try TasksFixture(today: "2025-11-20")
        defer { fixture.remove() }
        let plan = try await fixture.plan()
        let late = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025")
        _ = try await fixture.task(plan, time: "Thực hiện thường xuyên")
        let done = try await fixture.task(plan, time: "Hoàn thành trong tháng 11 năm 2025", lead: "vn-75-25246-vpdu")
        fixture.moveTo("2025-11-26")
        try await complete(fixture, done)
        fixture.moveTo("2026-03-10")
        _ = late

        let result = try await fixture.reports.overview(OverviewParams(unitId: "vn-75"))
        #expect(result.headline.tasks == 3)
        #expect(result.headline.tasksDue == 2 && result.headline.tasksOnTime == 1 && result.headline.onTimePercent == 50)
        #expect(result.headline.reportsDue == 4 && result.headline.reportsMissing == 4)
        #expect(result.headline.redByRule == ["overdue": 1, "missingReport": 4])
        #expect(result.units.map(\.unitId) == ["vn-75-25246", "vn-75-25195"], "the commune with red flags first")
        #expect(result.units.first?.red == 5)
        let missing = try #require(result.flagGroups.first { $0.rule == .missingReport })
        #expect(missing.areaUnitId == "vn-75-25246" && missing.unitId == "vn-75-25246-pkt", "names its commune and its department")
        #expect(missing.count == 4 && missing.items.count == 1)
        #expect(missing.items.first?.detail == "Thiếu 4 kỳ báo cáo, từ 11/2025")
        #expect(result.trend.count == 12 && result.trend.last?.month == "2026-03")
        #expect(result.trend.first { $0.month == "2025-10" }?.red == 0, "nothing was assigned yet")
        #expect(result.trend.first { $0.month == "2025-11" }?.red == 1, "on its last day the November task is behind its roadmap")
        let december = try #require(result.trend.first { $0.month == "2025-12" })
        #expect(december.tasksDue == 2 && december.tasksOnTime == 1 && december.red == 2, "overdue, and November's report missing")

        let onlyOverdue = try await fixture.reports.overview(OverviewParams(unitId: "vn-75", rule: .overdue))
        #expect(onlyOverdue.flagGroups.map(\.rule) == [.overdue])
        let groupII = try await fixture.reports.overview(OverviewParams(unitId: "vn-75", groupCode: "I"))
        #expect(groupII.headline.tasks == 0, "every fixture task is in group II")
        let badMonths = await rpcError { _ = try await fixture.reports.overview(OverviewParams(unitId: "vn-75", months: 0)) }
        #expect(badMonths?.code == .invalidArgument && badMonths?.details?["field"] == "months")
        let badPlan = await rpcError { _ = try await fixture.reports.overview(OverviewParams(unitId: "vn-75", planId: "no-such-plan")) }
        #expect(badPlan?.code == .notFound)
    }
}
