/// The time roadmap of a task with a deadline: the share of its time that has elapsed,
/// and the progress it should have by then (half of that share).
///
/// All arithmetic is on whole days and integers, so a boundary is exact: progress equal
/// to half the elapsed share is on the line and not behind.
struct TimeRoadmap: Sendable {
    /// The day the task was assigned.
    let assignedOn: Day
    /// The day it is due.
    let deadline: Day

    /// Days from assignment to deadline; 0 if due the day it was assigned.
    var totalDays: Int { max(0, assignedOn.daysUntil(deadline)) }

    /// Whether `percent` is strictly below half of the time elapsed by `day`
    /// (`percent/100 < 0.5 × elapsed/total`; with no days in between the share is 1).
    func isBehind(percent: Int, on day: Day) -> Bool {
        let elapsed = assignedOn.daysUntil(day)
        guard totalDays > 0 else { return 2 * percent < 100 }
        return 2 * percent * totalDays < 100 * elapsed
    }

    /// The first day, on or after assignment, on which `percent` is behind the roadmap.
    func firstBehindDay(percent: Int) -> Day {
        guard totalDays > 0 else { return assignedOn }
        // 100 × elapsed > 2 × percent × total  ⇔  elapsed ≥ ⌊2 × percent × total / 100⌋ + 1
        return assignedOn.adding(days: 2 * percent * totalDays / 100 + 1)
    }

    /// The elapsed share of time on `day`, in tenths of a percent (1000 = all of it).
    func elapsedTenths(on day: Day) -> Int {
        guard totalDays > 0 else { return 1_000 }
        return VietnameseNumber.tenthsOfPercent(assignedOn.daysUntil(day), of: totalDays)
    }

    /// The least progress the roadmap asks for on `day`, in tenths of a percent.
    func requiredTenths(on day: Day) -> Int {
        guard totalDays > 0 else { return 500 }
        return VietnameseNumber.tenthsOfPercent(assignedOn.daysUntil(day), of: 2 * totalDays)
    }
}
