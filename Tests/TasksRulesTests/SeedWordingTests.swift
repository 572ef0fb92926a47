import Testing
@testable import TasksRules

/// Every time wording in Phụ lục II of the seed plan (27-KH/ĐU of Bình Tân commune, OCR
/// text in seeds/000_2050ba26a5080564.txt), exactly as the OCR wrote it, marks lost and
/// "năm" misread as "ndm"/"ndam", "thực" as "thyc".
@Suite struct SeedWordingTests {
    @Test("Each wording of the seed's Phụ lục II parses", arguments: [
        ("Hoan thanh trong thang 11 nam 2025.", Deadline.due(day("2025-11-30"))),
        ("Hoan thanh trong thang 11 ndm 2025.", .due(day("2025-11-30"))),
        ("Hoan thanh trong Quy III nam 2025.", .due(day("2025-09-30"))),
        ("Hoan thanh trong thang 12 ndam 2025.", .due(day("2025-12-31"))),
        ("Hoan thanh trong thang 12 nam 2025.", .due(day("2025-12-31"))),
        ("Thyc hién thuong xuyén.", .recurring(.month)),
        ("Hoan thanh trong nam 2025.", .due(day("2025-12-31"))),
        ("Hoan thanh trong nam 2026.", .due(day("2026-12-31"))),
    ])
    func seedWordings(text: String, expected: Deadline) throws {
        #expect(try DeadlineParser.parse(text) == expected)
    }

    @Test("The same wordings as they were meant, with full marks")
    func meantWordings() throws {
        #expect(try DeadlineParser.parse("Hoàn thành trong tháng 11 năm 2025.") == .due(day("2025-11-30")))
        #expect(try DeadlineParser.parse("Hoàn thành trong Quý III năm 2025.") == .due(day("2025-09-30")))
        #expect(try DeadlineParser.parse("Hoàn thành trong tháng 12 năm 2025.") == .due(day("2025-12-31")))
        #expect(try DeadlineParser.parse("Thực hiện thường xuyên.") == .recurring(.month))
        #expect(try DeadlineParser.parse("Hoàn thành trong năm 2026.") == .due(day("2026-12-31")))
    }

    @Test("OCR misreadings are corrected only as whole words")
    func misreadingsAreWholeWords() {
        #expect(DeadlineTokens.words("Thyc hién thuong xuyén.") == ["thuc", "hien", "thuong", "xuyen"])
        #expect(DeadlineTokens.words("thang 11 ndm 2025") == ["thang", "11", "nam", "2025"])
        #expect(DeadlineTokens.words("thang 11 ndmx 2025") == ["thang", "11", "ndmx", "2025"])
    }
}
