import Testing
@testable import TasksRules

/// Missing reports of recurring tasks, counted from the assignment's period to today.
@Suite struct MissingReportsTests {
    let rules = FlagRules()

    func missing(_ period: Period, assigned: String, reported: [String], today: String) -> [String] {
        let keys = Set(reported.compactMap(PeriodKey.init(key:)))
        #expect(keys.count == reported.count, "a fixture key is invalid")
        return rules.missingReports(period: period, assignedOn: day(assigned), reportedPeriods: keys, today: day(today))
            .map(\.key)
    }

    @Test("Monthly reports missing across a year boundary")
    func monthlyAcrossYear() {
        let reported = ["2025-10", "2025-12"]
        #expect(missing(.month, assigned: "2025-10-15", reported: reported, today: "2026-02-10") == ["2025-11", "2026-01"])
        // On 31/01 January's report is still due today, not missing.
        #expect(missing(.month, assigned: "2025-10-15", reported: reported, today: "2026-01-31") == ["2025-11"])
        #expect(missing(.month, assigned: "2025-10-15", reported: reported, today: "2026-02-01") == ["2025-11", "2026-01"])
    }

    @Test("The assignment's own period counts; the ones before it do not")
    func fromAssignment() {
        #expect(missing(.month, assigned: "2025-11-19", reported: [], today: "2025-12-01") == ["2025-11"])
        #expect(missing(.month, assigned: "2025-11-19", reported: [], today: "2025-11-30").isEmpty)
        #expect(missing(.month, assigned: "2025-11-19", reported: ["2025-11"], today: "2025-12-05").isEmpty)
    }

    @Test("Quarterly, half-yearly and yearly reports")
    func otherPeriods() {
        #expect(missing(.quarter, assigned: "2025-08-20", reported: [], today: "2026-04-01")
            == ["2025-Q3", "2025-Q4", "2026-Q1"])
        #expect(missing(.quarter, assigned: "2025-08-20", reported: ["2025-Q4"], today: "2026-03-31") == ["2025-Q3"])
        #expect(missing(.halfYear, assigned: "2025-03-01", reported: ["2025-H2"], today: "2026-07-01")
            == ["2025-H1", "2026-H1"])
        #expect(missing(.year, assigned: "2025-11-19", reported: [], today: "2025-12-31").isEmpty)
        #expect(missing(.year, assigned: "2025-11-19", reported: [], today: "2026-01-01") == ["2025"])
    }

    @Test("A report for a period of another length does not count")
    func otherLength() {
        #expect(missing(.month, assigned: "2025-07-01", reported: ["2025-Q3"], today: "2025-09-02") == ["2025-07", "2025-08"])
    }
}
