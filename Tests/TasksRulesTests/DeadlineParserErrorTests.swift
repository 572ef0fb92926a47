import Foundation
import Testing
@testable import TasksRules

/// Wordings that are refused: each error names the text and says why; nothing is defaulted.
@Suite struct DeadlineParserErrorTests {
    /// The error `text` is refused with, or `nil` (with the failure recorded) if it parsed.
    private func refusal(_ text: String) -> DeadlineParseError? {
        do {
            let deadline = try DeadlineParser.parse(text)
            Issue.record("\"\(text)\" was accepted as \(deadline)")
            return nil
        } catch {
            return error
        }
    }

    @Test("Wordings in no known form are refused, naming the text", arguments: [
        "Sớm nhất có thể", "Hoàn thành", "Thực hiện", "tháng 11", "Quý III", "năm", "2025",
        "giai đoạn 2025 - 2030", "Năm 2025-2026", "trước ngày", "tháng mười một năm 2025",
        "Thường xuyên hằng năm", "hằng", "6 tháng năm 2026", "6 tháng giữa năm 2026",
        "ngày mai", "Quý III năm", "tháng 11 năm", "trước tháng 12/2025", "11/2025",
    ])
    func unrecognised(text: String) throws {
        let error = try #require(refusal(text))
        #expect(error.text == text)
        #expect(error.reason == .unrecognised)
        #expect(error.message == "Không hiểu thời hạn \"\(text)\": cần dạng như \"Hoàn thành trong tháng 11 năm 2025\", "
            + "\"Quý III năm 2025\", \"trước ngày 01/01/2026\" hoặc \"Thực hiện thường xuyên\".")
    }

    @Test("Invalid numbers are refused with the number named", arguments: [
        ("tháng 13 năm 2025", DeadlineParseError.Reason.invalidMonth("13")),
        ("Hoàn thành trong tháng 0/2025", .invalidMonth("0")),
        ("tháng 123 năm 2025", .invalidMonth("123")),
        ("quý V năm 2025", .invalidQuarter("V")),
        ("Quý 5/2025", .invalidQuarter("5")),
        ("Quý 0 năm 2025", .invalidQuarter("0")),
        ("quý IIII năm 2025", .invalidQuarter("IIII")),
        ("31/02/2026", .invalidDate("31/02/2026")),
        ("trước ngày 32/12/2025", .invalidDate("32/12/2025")),
        ("đến ngày 29/02/2025", .invalidDate("29/02/2025")),
        ("30/11/25", .invalidDate("30/11/25")),
        ("30/13/2025", .invalidDate("30/13/2025")),
        ("30/11-2025", .invalidDate("30/11-2025")),
        ("năm 25", .invalidYear("25")),
        ("Năm 3000", .invalidYear("3000")),
        ("tháng 11 năm 20255", .invalidYear("20255")),
        ("6 tháng đầu năm 1999", .invalidYear("1999")),
    ])
    func invalidNumbers(text: String, reason: DeadlineParseError.Reason) throws {
        let error = try #require(refusal(text))
        #expect(error.text == text)
        #expect(error.reason == reason)
        #expect(error.message.hasPrefix("Thời hạn \"\(text)\" không hợp lệ: "))
    }

    @Test("Messages name the trimmed text, say why, and are NFC with full marks")
    func messages() throws {
        let month = try #require(refusal("  tháng 13 năm 2025. "))
        #expect(month.text == "  tháng 13 năm 2025. ")
        #expect(month.message == "Thời hạn \"tháng 13 năm 2025.\" không hợp lệ: không có tháng 13 (tháng phải từ 1 đến 12).")
        let quarter = try #require(refusal("Quý V năm 2025"))
        #expect(quarter.message
            == "Thời hạn \"Quý V năm 2025\" không hợp lệ: không có quý V (quý phải là I, II, III, IV hoặc 1 đến 4).")
        let date = try #require(refusal("31/02/2026"))
        #expect(date.message.contains("ngày 31/02/2026"))
        for error in [month, quarter, date] {
            #expect(error.message == error.message.precomposedStringWithCanonicalMapping)
            #expect(error.description == error.message)
            #expect(error.errorDescription == error.message)
        }
    }

    @Test("An empty wording is refused, not defaulted", arguments: ["", "   ", "\n"])
    func empty(text: String) throws {
        let error = try #require(refusal(text))
        #expect(error.reason == .empty)
        #expect(error.text == text)
        #expect(error.message.hasPrefix("Thời hạn đang để trống: cần dạng như"))
    }
}
