import Testing
import TasksRules

/// The stage of a reminder, day by day around a deadline of 30/11/2025 with 7 days of grace.
@Suite struct ReminderRulesTests {
    static let due = Day(year: 2025, month: 11, day: 30)!

    static func stage(_ day: Int, grace: Int = 7) -> ReminderStage? {
        ReminderRules.stage(due: due, today: due.adding(days: day), escalateAfterDays: grace)
    }

    @Test func eachDayAroundTheDeadlineHasItsStage() {
        #expect(Self.stage(-8) == nil)
        #expect(Self.stage(-7) == .dueInAWeek)
        #expect(Self.stage(-2) == .dueInAWeek)
        #expect(Self.stage(-1) == .dueTomorrow)
        #expect(Self.stage(0) == .dueTomorrow)
        #expect(Self.stage(1) == .overdue)
        #expect(Self.stage(6) == .overdue)
        #expect(Self.stage(7) == .escalated)
        #expect(Self.stage(400) == .escalated)
    }

    @Test func eachPlanSetsItsGraceDays() {
        #expect(Self.stage(2, grace: 3) == .overdue)
        #expect(Self.stage(3, grace: 3) == .escalated)
        // A grace under 1 day counts as 1: escalated from the first late day, never before the deadline.
        #expect(Self.stage(0, grace: 0) == .dueTomorrow)
        #expect(Self.stage(1, grace: 0) == .escalated)
    }

    @Test func eachStageGoesToItsAudience() {
        #expect(ReminderStage.allCases.map(\.audience) == [.staff, .staff, .head, .steering])
        #expect(Set(ReminderStage.allCases.map(\.displayName)).count == ReminderStage.allCases.count)
    }
}
