@testable import TasksRules

/// The day written `yyyy-MM-dd`; a typo in a test's own fixture stops the test run.
func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { fatalError("bad fixture day \(iso)") }
    return day
}
