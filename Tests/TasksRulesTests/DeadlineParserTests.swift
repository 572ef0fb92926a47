import Foundation
import Testing
@testable import TasksRules

/// Time wordings that are understood, and the deadline each one gives.
@Suite struct DeadlineParserTests {
    /// The due day `text` parses to, or `nil` (with the failure recorded).
    private func due(_ text: String) -> Day? {
        do {
            let deadline = try DeadlineParser.parse(text)
            guard case .due(let day) = deadline else {
                Issue.record("\"\(text)\" parsed as \(deadline), not a due day")
                return nil
            }
            return day
        } catch {
            Issue.record("\"\(text)\" refused: \(error.message)")
            return nil
        }
    }

    @Test("A month is due at its end", arguments: [
        ("Hoàn thành trong tháng 11 năm 2025", "2025-11-30"),
        ("trong tháng 11/2025", "2025-11-30"),
        ("Tháng 11/2025", "2025-11-30"),
        ("tháng 11 / 2025", "2025-11-30"),
        ("tháng 11-2025", "2025-11-30"),
        ("Tháng 11, năm 2025", "2025-11-30"),
        ("Hoàn thành trong tháng 12 năm 2025", "2025-12-31"),
        ("Tháng 02/2026", "2026-02-28"),
        ("tháng 2 năm 2028", "2028-02-29"),
        ("Thực hiện trong tháng 4 năm 2026", "2026-04-30"),
        ("Cuối tháng 6/2026", "2026-06-30"),
    ])
    func months(text: String, iso: String) {
        #expect(due(text) == day(iso))
    }

    @Test("A quarter, in Roman or Arabic numerals, is due at its end", arguments: [
        ("Hoàn thành trong Quý III năm 2025", "2025-09-30"),
        ("Quý 3/2025", "2025-09-30"),
        ("quý IV năm 2025", "2025-12-31"),
        ("Quý 4 năm 2025", "2025-12-31"),
        ("Quý I/2026", "2026-03-31"),
        ("quý 1/2026", "2026-03-31"),
        ("Quý II năm 2026", "2026-06-30"),
        ("Quý 2/2026", "2026-06-30"),
        ("Quý III / 2026", "2026-09-30"),
        ("Quí IV năm 2025", "2025-12-31"),
    ])
    func quarters(text: String, iso: String) {
        #expect(due(text) == day(iso))
    }

    @Test("The first six months end on 30/06, the last six on 31/12", arguments: [
        ("6 tháng đầu năm 2026", "2026-06-30"),
        ("6 tháng cuối năm 2026", "2026-12-31"),
        ("Hoàn thành trong 6 tháng đầu năm 2026", "2026-06-30"),
        ("sáu tháng cuối năm 2025", "2025-12-31"),
    ])
    func halves(text: String, iso: String) {
        #expect(due(text) == day(iso))
    }

    @Test("A year is due on 31/12", arguments: [
        ("Trong năm 2026", "2026-12-31"),
        ("Năm 2026", "2026-12-31"),
        ("Hoàn thành năm 2026", "2026-12-31"),
        ("Hoàn thành trong năm 2025", "2025-12-31"),
        ("Cuối năm 2025", "2025-12-31"),
    ])
    func years(text: String, iso: String) {
        #expect(due(text) == day(iso))
    }

    @Test("\"trước ngày X\" is due the day before X; \"đến ngày X\" and a bare date on X", arguments: [
        ("trước ngày 01/01/2026", "2025-12-31"),
        ("Hoàn thành trước ngày 01/03/2028", "2028-02-29"),
        ("trước 15/12/2025", "2025-12-14"),
        ("đến ngày 15/12/2025", "2025-12-15"),
        ("đến 15/12/2025", "2025-12-15"),
        ("Hoàn thành đến ngày 15/12/2025", "2025-12-15"),
        ("chậm nhất ngày 15/12/2025", "2025-12-15"),
        ("chậm nhất 15/12/2025", "2025-12-15"),
        ("30/11/2025", "2025-11-30"),
        ("ngày 30/11/2025", "2025-11-30"),
        ("5/1/2026", "2026-01-05"),
        ("05/01/2026", "2026-01-05"),
        ("30-11-2025", "2025-11-30"),
        ("30.11.2025", "2025-11-30"),
        ("30.11.2025.", "2025-11-30"),
        ("trước ngày 1.1.2026", "2025-12-31"),
        ("30 / 11 / 2025", "2025-11-30"),
    ])
    func dates(text: String, iso: String) {
        #expect(due(text) == day(iso))
    }

    @Test("Recurring wordings give their period", arguments: [
        ("Thực hiện thường xuyên", Period.month),
        ("Thường xuyên", .month),
        ("thường xuyên.", .month),
        ("hằng năm", .year),
        ("hàng năm", .year),
        ("Thực hiện hằng năm", .year),
        ("hằng quý", .quarter),
        ("hàng quý", .quarter),
        ("Định kỳ hằng quý", .quarter),
        ("hằng tháng", .month),
        ("hàng tháng", .month),
        ("6 tháng một lần", .halfYear),
        ("định kỳ 6 tháng", .halfYear),
        ("hằng 6 tháng", .halfYear),
    ])
    func recurring(text: String, period: Period) throws {
        #expect(try DeadlineParser.parse(text) == .recurring(period))
    }

    @Test("Case, spacing, trailing full stops, bullets, NFD and lost marks do not matter", arguments: [
        "HOÀN THÀNH TRONG THÁNG 11 NĂM 2025",
        "  Hoàn   thành  trong tháng 11   năm 2025  ",
        "Hoàn thành trong tháng 11 năm 2025.",
        "- Hoàn thành trong tháng 11 năm 2025.",
        "Hoàn thành trong tháng 11 năm 2025".decomposedStringWithCanonicalMapping,
        "Hoan thanh trong thang 11 nam 2025",
        "hoan THANH trong Thang 11 Nam 2025 .",
        "Hoàn thanh trong thang 11 năm 2025",
        "Hoàn thành\ttrong tháng 11\nnăm 2025",
    ])
    func tolerance(text: String) {
        #expect(due(text) == day("2025-11-30"))
    }

    @Test("Other wordings with lost marks")
    func lostMarks() throws {
        #expect(due("Quy III nam 2025") == day("2025-09-30"))
        #expect(due("Truoc ngay 01/01/2026") == day("2025-12-31"))
        #expect(due("den ngay 15/12/2025") == day("2025-12-15"))
        #expect(due("6 thang dau nam 2026") == day("2026-06-30"))
        #expect(try DeadlineParser.parse("Thuc hien thuong xuyen") == .recurring(.month))
        #expect(try DeadlineParser.parse("hang nam") == .recurring(.year))
        #expect(try DeadlineParser.parse("HẰNG QUÝ".decomposedStringWithCanonicalMapping) == .recurring(.quarter))
    }

    @Test("A deadline survives a JSON round trip")
    func codable() throws {
        let deadlines: [Deadline] = [.due(day("2025-11-30")), .recurring(.quarter)]
        let data = try JSONEncoder().encode(deadlines)
        #expect(try JSONDecoder().decode([Deadline].self, from: data) == deadlines)
        #expect(deadlines[0].dueDay == day("2025-11-30") && deadlines[0].period == nil)
        #expect(deadlines[1].dueDay == nil && deadlines[1].period == .quarter)
    }
}
