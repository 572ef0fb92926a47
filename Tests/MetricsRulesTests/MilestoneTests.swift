import Foundation
import Testing
import NQ57Calendar
@testable import MetricsRules

@Suite("Milestones")
struct MilestoneTests {
    @Test func yearIsDueOnTheLastDayOfTheYear() throws {
        let milestone = try Milestone(parsing: "2030")
        #expect(milestone == .year(2030))
        #expect(milestone.key == "2030")
        #expect(milestone.due == Day(year: 2030, month: 12, day: 31))
        #expect(milestone.displayName == "Năm 2030")
    }

    @Test func dateIsDueThatDay() throws {
        let milestone = try Milestone(parsing: " 2026-01-01 ")
        #expect(milestone == .date(Day(year: 2026, month: 1, day: 1)!))
        #expect(milestone.key == "2026-01-01")
        #expect(milestone.due.description == "01/01/2026")
        #expect(milestone.displayName == "Trước ngày 01/01/2026")
    }

    @Test(arguments: ["", "203", "20300", "năm 2030", "2026-02-30", "01/01/2026", "2026-1-1"])
    func badTextIsRefused(text: String) {
        do {
            _ = try Milestone(parsing: text)
            Issue.record("\"\(text)\" should not parse")
        } catch {
            #expect(error.field == "milestone")
            #expect(error.message.contains("2030"))
        }
    }

    @Test func codableUsesTheKey() throws {
        let encoded = try JSONEncoder().encode([Milestone.year(2030), .date(Day(year: 2026, month: 1, day: 1)!)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2030","2026-01-01"]"#)
        let decoded = try JSONDecoder().decode([Milestone].self, from: encoded)
        #expect(decoded == [.year(2030), .date(Day(year: 2026, month: 1, day: 1)!)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Milestone].self, from: Data(#"["x"]"#.utf8)) }
    }
}
