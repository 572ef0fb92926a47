import NQ57Calendar
import Testing

/// Reporting periods as every service keys and names them.
@Suite("Days and reporting periods")
struct PeriodKeyTests {
    @Test("Keys read back to the same period; bad keys are refused", arguments: ["2025-11", "2025-Q3", "2025-H2", "2025"])
    func keysRoundTrip(key: String) throws {
        let period = try #require(PeriodKey(key: key))
        #expect(period.key == key)
    }

    @Test("Malformed keys are nil", arguments: ["", "25-11", "2025-13", "2025-Q5", "2025-H3", "2025-1", "2025-Q", "abcd"])
    func badKeys(key: String) {
        #expect(PeriodKey(key: key) == nil)
    }

    @Test("The period containing a day, its bounds, neighbours and Vietnamese name")
    func containing() throws {
        let day = try #require(Day(iso: "2025-08-15"))
        let quarter = PeriodKey.containing(day, period: .quarter)
        #expect(quarter.key == "2025-Q3")
        #expect(quarter.start.iso == "2025-07-01" && quarter.end.iso == "2025-09-30")
        #expect(quarter.displayName == "Quý III/2025")
        #expect(quarter.next.key == "2025-Q4" && quarter.next.next.key == "2026-Q1")
        #expect(quarter.previous.key == "2025-Q2")
        #expect(PeriodKey.containing(day, period: .month).displayName == "Tháng 8/2025")
        #expect(PeriodKey.containing(day, period: .halfYear).displayName == "6 tháng cuối năm 2025")
        #expect(PeriodKey.containing(day, period: .year).end.iso == "2025-12-31")
        #expect(PeriodKey(key: "2024-02")?.end.iso == "2024-02-29", "a leap year's February")
        #expect(PeriodKey(key: "2025-12")! < PeriodKey(key: "2026-01")!)
    }

    @Test("Days: ISO text, arithmetic across months and years, order")
    func days() throws {
        let day = try #require(Day(iso: "2025-12-31"))
        #expect(day.adding(days: 1).iso == "2026-01-01")
        #expect(day.adding(days: -365).iso == "2024-12-31")
        #expect(Day(iso: "2025-02-29") == nil && Day(iso: "2025-1-5") == nil)
        #expect(Day(iso: "2025-01-05")! < Day(iso: "2025-01-06")!)
    }
}
