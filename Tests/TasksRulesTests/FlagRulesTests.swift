import Testing
@testable import TasksRules

/// Red flags and the yellow warning at their boundaries, with fixed days.
@Suite struct FlagRulesTests {
    let rules = FlagRules()

    /// A task assigned 01/11/2025, due 01/12/2025: 30 days of roadmap.
    func task(_ status: TaskStatus = .inProgress, percent: Int, deadline: String? = "2025-12-01") -> TaskFacts {
        TaskFacts(status: status, assignedOn: day("2025-11-01"), deadline: deadline.map(day), percent: percent)
    }

    func rulesRaised(_ facts: TaskFacts, on today: String) -> [FlagRule] {
        rules.flags(for: facts, today: day(today)).map(\.rule)
    }

    @Test("Exactly on half the line is not behind; one point below is")
    func behindBoundary() throws {
        // 19/11: 18 of 30 days gone = 60%, so the line asks for 30%.
        #expect(rulesRaised(task(percent: 30), on: "2025-11-19").isEmpty)
        let flags = rules.flags(for: task(percent: 29), today: day("2025-11-19"))
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.rule == .behindSchedule)
        #expect(flag.detail == "Tiến độ 29% trong khi đã qua 60% thời gian (lộ trình yêu cầu tối thiểu 30%)")
        // 17 days gone asks for 28,3%, so 29% was still ahead on 18/11; 18 days asks for 30%.
        #expect(flag.since == day("2025-11-19"))
        #expect(rulesRaised(task(percent: 29), on: "2025-11-18").isEmpty)
    }

    @Test("The detail states the numbers; since is the first day the current progress fell below the line")
    func behindSince() throws {
        let flag = try #require(rules.flags(for: task(percent: 20), today: day("2025-11-19")).first)
        #expect(flag.detail == "Tiến độ 20% trong khi đã qua 60% thời gian (lộ trình yêu cầu tối thiểu 30%)")
        // 12 days gone asks for exactly 20% (not behind); 13 days asks for 21,7%.
        #expect(flag.since == day("2025-11-14"))
        #expect(rulesRaised(task(percent: 20), on: "2025-11-13").isEmpty)
        #expect(rulesRaised(task(percent: 20), on: "2025-11-14") == [.behindSchedule])
    }

    @Test("Shares that are not whole show one decimal with a comma")
    func behindFractions() throws {
        let facts = TaskFacts(status: .notStarted, assignedOn: day("2025-11-01"), deadline: day("2025-11-04"), percent: 10)
        let flags = rules.flags(for: facts, today: day("2025-11-02"))
        let flag = try #require(flags.first { $0.rule == .behindSchedule })
        #expect(flag.detail == "Tiến độ 10% trong khi đã qua 33,3% thời gian (lộ trình yêu cầu tối thiểu 16,7%)")
        #expect(flag.since == day("2025-11-02"))
    }

    @Test("No progress is not behind on the day of assignment, and is the day after")
    func zeroProgress() throws {
        #expect(!rulesRaised(task(.notStarted, percent: 0), on: "2025-11-01").contains(.behindSchedule))
        let flag = try #require(rules.flags(for: task(.notStarted, percent: 0), today: day("2025-11-02")).first)
        #expect(flag.rule == .behindSchedule)
        #expect(flag.since == day("2025-11-02"))
    }

    @Test("Due the day it was assigned: the whole share has elapsed, so below 50% is behind")
    func sameDayDeadline() throws {
        let facts = { (percent: Int) in
            TaskFacts(status: .inProgress, assignedOn: day("2025-11-10"), deadline: day("2025-11-10"), percent: percent)
        }
        #expect(!rules.flags(for: facts(50), today: day("2025-11-10")).map(\.rule).contains(.behindSchedule))
        let flag = try #require(rules.flags(for: facts(49), today: day("2025-11-10")).first)
        #expect(flag.rule == .behindSchedule)
        #expect(flag.since == day("2025-11-10"))
        #expect(flag.detail == "Tiến độ 49% trong khi đã qua 100% thời gian (lộ trình yêu cầu tối thiểu 50%)")
    }

    @Test("Behind schedule applies only to open tasks with a deadline, from assignment to deadline")
    func behindScope() {
        for status in [TaskStatus.submitted, .completedOnTime, .completedLate] {
            #expect(!rulesRaised(task(status, percent: 0), on: "2025-11-19").contains(.behindSchedule))
        }
        #expect(rulesRaised(task(.needsRework, percent: 0), on: "2025-11-19").contains(.behindSchedule))
        #expect(rulesRaised(task(percent: 0, deadline: nil), on: "2025-11-19").isEmpty)
        #expect(rulesRaised(task(percent: 0), on: "2025-10-20").isEmpty)
        #expect(!rulesRaised(task(percent: 0), on: "2025-12-02").contains(.behindSchedule))
        // Progress reported outside 0...100 is read as 0 or 100.
        #expect(rulesRaised(task(percent: 140), on: "2025-11-19").isEmpty)
    }

    @Test("Due today is a warning, not overdue")
    func dueToday() throws {
        let flags = rules.flags(for: task(percent: 100, deadline: "2025-11-30"), today: day("2025-11-30"))
        #expect(flags.map(\.rule) == [.dueSoon])
        let flag = try #require(flags.first)
        #expect(flag.detail == "Đến hạn hôm nay (30/11/2025) mà chưa gửi hoàn thành")
        #expect(flag.since == day("2025-11-23"))
        #expect(!flag.rule.isRed)
    }

    @Test("Due in exactly 7 days warns; in 8 days does not")
    func warningWindow() throws {
        let facts = task(percent: 100, deadline: "2025-11-30")
        let flags = rules.flags(for: facts, today: day("2025-11-23"))
        #expect(flags.map(\.rule) == [.dueSoon])
        #expect(flags.first?.detail == "Còn 7 ngày đến hạn 30/11/2025 mà chưa gửi hoàn thành")
        #expect(flags.first?.since == day("2025-11-23"))
        #expect(rulesRaised(facts, on: "2025-11-22").isEmpty)
    }

    @Test("The warning window can be set")
    func customWindow() {
        let short = FlagRules(warningDays: 3)
        let facts = task(percent: 100, deadline: "2025-11-30")
        #expect(short.flags(for: facts, today: day("2025-11-27")).map(\.rule) == [.dueSoon])
        #expect(short.flags(for: facts, today: day("2025-11-27")).first?.since == day("2025-11-27"))
        #expect(short.flags(for: facts, today: day("2025-11-26")).isEmpty)
    }

    @Test("A submitted or completed task gets no warning")
    func noWarningOnceSubmitted() {
        for status in [TaskStatus.submitted, .completedOnTime, .completedLate] {
            #expect(rulesRaised(task(status, percent: 100, deadline: "2025-11-30"), on: "2025-11-28").isEmpty)
        }
    }

    @Test("The day after the deadline is overdue, since that day")
    func overdue() throws {
        let flags = rules.flags(for: task(percent: 60, deadline: "2025-11-30"), today: day("2025-12-01"))
        #expect(flags.map(\.rule) == [.overdue])
        let flag = try #require(flags.first)
        #expect(flag.since == day("2025-12-01"))
        #expect(flag.detail == "Quá hạn 1 ngày so với hạn 30/11/2025 mà chưa hoàn thành (đang ở trạng thái \"Đang thực hiện\")")
        #expect(flag.rule.isRed)
        let later = try #require(rules.flags(for: task(percent: 60, deadline: "2025-11-30"), today: day("2025-12-15")).first)
        #expect(later.since == day("2025-12-01"))
        #expect(later.detail.hasPrefix("Quá hạn 15 ngày so với hạn 30/11/2025"))
    }

    @Test("Completed tasks are never overdue; a claim still in review past the deadline is")
    func overdueScope() {
        #expect(rulesRaised(task(.completedOnTime, percent: 100, deadline: "2025-11-30"), on: "2026-01-01").isEmpty)
        #expect(rulesRaised(task(.completedLate, percent: 100, deadline: "2025-11-30"), on: "2026-01-01").isEmpty)
        #expect(rulesRaised(task(.submitted, percent: 100, deadline: "2025-11-30"), on: "2025-12-01") == [.overdue])
        #expect(rulesRaised(task(percent: 0, deadline: nil), on: "2026-01-01").isEmpty)
    }

    @Test("A claim sent back is red since the day it was sent back")
    func sentBack() throws {
        var facts = task(.needsRework, percent: 100, deadline: "2025-12-31")
        facts.sentBackOn = day("2025-11-20")
        facts.submittedOn = day("2025-11-18")
        let flags = rules.flags(for: facts, today: day("2025-11-22"))
        #expect(flags.map(\.rule) == [.sentBack])
        let flag = try #require(flags.first)
        #expect(flag.since == day("2025-11-20"))
        #expect(flag.detail == "Bị trả lại sau thẩm định ngày 20/11/2025, chờ đơn vị hoàn thiện và gửi lại")
        facts.sentBackOn = nil
        #expect(rules.flags(for: facts, today: day("2025-11-22")).first?.since == day("2025-11-22"))
    }

    @Test("Several flags come together in a fixed order")
    func several() {
        var facts = task(.needsRework, percent: 0, deadline: "2025-11-30")
        facts.sentBackOn = day("2025-11-20")
        #expect(rulesRaised(facts, on: "2025-11-25") == [.behindSchedule, .sentBack, .dueSoon])
        #expect(rulesRaised(facts, on: "2025-12-01") == [.overdue, .sentBack])
    }

    @Test("A since never precedes the assignment")
    func sinceNotBeforeAssignment() {
        let facts = TaskFacts(status: .inProgress, assignedOn: day("2025-11-28"), deadline: day("2025-11-30"), percent: 100)
        let flags = rules.flags(for: facts, today: day("2025-11-29"))
        #expect(flags.map(\.rule) == [.dueSoon])
        #expect(flags.first?.since == day("2025-11-28"))
    }

    @Test("Rules have their Vietnamese names and texts; all but dueSoon and noDeadline are red")
    func ruleTexts() {
        #expect(FlagRule.overdue.ruleText == "Quá hạn mà chưa hoàn thành")
        #expect(FlagRule.behindSchedule.ruleText == "Tiến độ dưới 50% so với lộ trình thời gian")
        #expect(FlagRule.sentBack.ruleText == "Bị đánh giá chưa đạt sau thẩm định (chờ hoàn thiện)")
        #expect(FlagRule.dueSoon.ruleText == "Sắp đến hạn trong 7 ngày mà chưa gửi")
        #expect(FlagRule.missingReport.ruleText == "Không gửi báo cáo định kỳ")
        #expect(FlagRule.allCases.filter(\.isRed) == [.overdue, .behindSchedule, .sentBack, .missingReport, .explanationOverdue])
        #expect(FlagRule.noDeadline.ruleText == "Văn bản không nêu thời hạn, chưa có quyết định đặt thời hạn")
        #expect(FlagRule.explanationOverdue.ruleText == "Không trả lời yêu cầu giải trình đúng hạn")
        #expect(FlagRule.allCases.filter { $0.level == .yellow } == [.dueSoon, .noDeadline])
        #expect(Set(FlagRule.allCases.map(\.displayName)).count == FlagRule.allCases.count)
    }
}
