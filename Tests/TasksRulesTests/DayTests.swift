import Foundation
import Testing
@testable import TasksRules

/// Calendar days: their forms, arithmetic, month/quarter/year ends and the Vietnam time zone.
@Suite struct DayTests {
    @Test("ISO and Vietnamese forms")
    func forms() throws {
        let d = try #require(Day(iso: "2025-11-30"))
        #expect(d.year == 2025 && d.month == 11 && d.day == 30)
        #expect(d.iso == "2025-11-30")
        #expect(d.description == "30/11/2025")
        #expect(day("2026-01-05").description == "05/01/2026")
        #expect("\(day("2026-01-05"))" == "05/01/2026")
    }

    @Test("Texts that are not ISO days are refused", arguments: [
        "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-1", "25-11-30",
        "2025/11/30", "abcd-ef-gh", "", "2025-11-30x", "2025-11", "2025-11-3\u{0660}", "２０２５-11-30", "2025-+1-30",
    ])
    func invalidISO(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("Leap days exist only in leap years")
    func leapDays() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
    }

    @Test("Adding days crosses months, years and leap days")
    func adding() {
        #expect(day("2025-11-30").adding(days: 1) == day("2025-12-01"))
        #expect(day("2025-12-31").adding(days: 1) == day("2026-01-01"))
        #expect(day("2026-01-01").adding(days: -1) == day("2025-12-31"))
        #expect(day("2028-02-28").adding(days: 1) == day("2028-02-29"))
        #expect(day("2027-02-28").adding(days: 1) == day("2027-03-01"))
        #expect(day("2025-11-19").adding(days: 0) == day("2025-11-19"))
        #expect(day("2025-01-01").adding(days: 365) == day("2026-01-01"))
    }

    @Test("Days between two days")
    func daysUntil() {
        #expect(day("2025-11-01").daysUntil(day("2025-12-01")) == 30)
        #expect(day("2025-12-01").daysUntil(day("2025-11-01")) == -30)
        #expect(day("2025-11-30").daysUntil(day("2025-11-30")) == 0)
        #expect(day("2028-01-01").daysUntil(day("2029-01-01")) == 366)
    }

    @Test("Every day from 2000 to 2100 follows the one before, as Foundation's calendar counts")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        var date = try #require(calendar.date(from: DateComponents(year: 2000, month: 1, day: 1)))
        var current = day("2000-01-01")
        while current.year <= 2100 {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard parts.year == current.year, parts.month == current.month, parts.day == current.day else {
                Issue.record("\(current.iso) disagrees with \(parts)")
                return
            }
            current = current.adding(days: 1)
            date = try #require(calendar.date(byAdding: .day, value: 1, to: date))
        }
        #expect(current == day("2101-01-01"))
    }

    @Test("Ends of month, quarter and year")
    func ends() {
        #expect(day("2025-11-05").endOfMonth == day("2025-11-30"))
        #expect(day("2028-02-10").endOfMonth == day("2028-02-29"))
        #expect(day("2026-02-10").endOfMonth == day("2026-02-28"))
        #expect(day("2025-01-15").endOfQuarter == day("2025-03-31"))
        #expect(day("2025-05-15").endOfQuarter == day("2025-06-30"))
        #expect(day("2025-07-01").endOfQuarter == day("2025-09-30"))
        #expect(day("2025-12-31").endOfQuarter == day("2025-12-31"))
        #expect(day("2025-03-04").endOfYear == day("2025-12-31"))
    }

    @Test("Days order by year, then month, then day")
    func ordering() {
        #expect(day("2025-11-30") < day("2025-12-01"))
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2025-02-01") > day("2025-01-31"))
        #expect(!(day("2025-11-30") < day("2025-11-30")))
        #expect([day("2026-01-01"), day("2025-01-02"), day("2025-01-01")].sorted().map(\.iso)
            == ["2025-01-01", "2025-01-02", "2026-01-01"])
    }

    @Test("A moment falls on its day in Asia/Ho_Chi_Minh (UTC+7)")
    func fromDate() {
        // 2025-11-30T16:59:59Z is 23:59:59 on 30/11 in Vietnam; one second later is 01/12.
        let lastSecond = Date(timeIntervalSince1970: 1_764_521_999)
        #expect(Day(lastSecond) == day("2025-11-30"))
        #expect(Day(lastSecond.addingTimeInterval(1)) == day("2025-12-01"))
        // 2025-12-31T17:00:00Z is already New Year's Day in Vietnam.
        #expect(Day(Date(timeIntervalSince1970: 1_767_200_400)) == day("2026-01-01"))
    }

    @Test("Encoded as the ISO text")
    func codable() throws {
        let data = try JSONEncoder().encode([day("2025-11-30")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-11-30\"]")
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day("2025-11-30")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data("[\"2025-02-30\"]".utf8))
        }
    }
}
