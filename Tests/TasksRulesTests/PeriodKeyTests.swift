import Foundation
import Testing
@testable import TasksRules

/// Reporting periods: keys, names, bounds and order.
@Suite struct PeriodKeyTests {
    @Test("The period containing a day, with its key, name and bounds", arguments: [
        (Period.month, "2025-11-19", "2025-11", "Tháng 11/2025", "2025-11-01", "2025-11-30"),
        (.month, "2028-02-03", "2028-02", "Tháng 2/2028", "2028-02-01", "2028-02-29"),
        (.quarter, "2025-08-20", "2025-Q3", "Quý III/2025", "2025-07-01", "2025-09-30"),
        (.quarter, "2026-01-01", "2026-Q1", "Quý I/2026", "2026-01-01", "2026-03-31"),
        (.quarter, "2025-12-31", "2025-Q4", "Quý IV/2025", "2025-10-01", "2025-12-31"),
        (.halfYear, "2025-03-01", "2025-H1", "6 tháng đầu năm 2025", "2025-01-01", "2025-06-30"),
        (.halfYear, "2025-07-01", "2025-H2", "6 tháng cuối năm 2025", "2025-07-01", "2025-12-31"),
        (.year, "2025-11-19", "2025", "Năm 2025", "2025-01-01", "2025-12-31"),
    ])
    func containing(period: Period, on: String, key: String, name: String, start: String, end: String) {
        let found = PeriodKey.containing(day(on), period: period)
        #expect(found.key == key)
        #expect(found.displayName == name)
        #expect(found.description == name)
        #expect(found.start == day(start))
        #expect(found.end == day(end))
        #expect(PeriodKey(key: key) == found)
    }

    @Test("The next period crosses into the next year")
    func next() {
        #expect(PeriodKey(key: "2025-12")?.next.key == "2026-01")
        #expect(PeriodKey(key: "2025-11")?.next.key == "2025-12")
        #expect(PeriodKey(key: "2025-Q4")?.next.key == "2026-Q1")
        #expect(PeriodKey(key: "2025-H2")?.next.key == "2026-H1")
        #expect(PeriodKey(key: "2025-H1")?.next.key == "2025-H2")
        #expect(PeriodKey(key: "2025")?.next.key == "2026")
    }

    @Test("Keys that name no period are refused", arguments: [
        "2025-13", "2025-00", "2025-1", "2025-Q5", "2025-Q0", "2025-H3", "25-11", "", "2025-", "2025-X1", "2025-11-01",
    ])
    func invalidKeys(key: String) {
        #expect(PeriodKey(key: key) == nil)
    }

    @Test("Periods sort by time and encode as their key")
    func orderAndCoding() throws {
        let keys = ["2026-01", "2025-11", "2025-12"].compactMap(PeriodKey.init(key:))
        #expect(keys.sorted().map(\.key) == ["2025-11", "2025-12", "2026-01"])
        let data = try JSONEncoder().encode(keys)
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-01\",\"2025-11\",\"2025-12\"]")
        #expect(try JSONDecoder().decode([PeriodKey].self, from: data) == keys)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PeriodKey].self, from: Data("[\"2025-Q7\"]".utf8))
        }
        #expect(PeriodKey(period: .quarter, year: 2025, index: 5) == nil)
        #expect(PeriodKey(period: .month, year: 2025, index: 12)?.key == "2025-12")
    }
}
