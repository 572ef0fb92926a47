import Foundation

/// Reads the time wording of a plan's task ("Hoàn thành trong tháng 11 năm 2025",
/// "Quý III năm 2025", "Thực hiện thường xuyên" …) as a `Deadline`.
///
/// Understood forms, after optional leading words "hoàn thành", "thực hiện", "trong",
/// "cuối" (in any order), case-insensitive, with or without Vietnamese marks:
///
/// | wording | deadline |
/// | --- | --- |
/// | tháng 11 năm 2025, tháng 11/2025 | due 30/11/2025, the end of the month |
/// | quý III năm 2025, quý 3/2025 (I–IV or 1–4) | due at the end of the quarter |
/// | 6 tháng đầu năm 2026 / 6 tháng cuối năm 2026 | due 30/06/2026 / 31/12/2026 |
/// | năm 2026 | due 31/12/2026 |
/// | trước [ngày] 01/01/2026 | due 31/12/2025: "before" excludes the day named |
/// | đến [ngày] 15/12/2025, chậm nhất [ngày] 15/12/2025 | due 15/12/2025, the day named |
/// | [ngày] 30/11/2025 | due that day |
/// | thường xuyên | recurring monthly (the plans report monthly) |
/// | [định kỳ] hằng/hàng tháng, quý, năm | recurring monthly, quarterly, yearly |
/// | [định kỳ] hằng 6 tháng, định kỳ 6 tháng, 6 tháng một lần | recurring every half-year |
///
/// Dates are day/month/year with `/`, `-` or `.` between, the year in four digits.
/// Years must lie within 2000...2099. Extra spaces, a leading bullet, a trailing full stop,
/// NFD text and the few OCR misreadings of `DeadlineTokens` are tolerated ("6" may be
/// written "sáu", "quý" as "quí"). Anything else throws; nothing is ever defaulted.
public enum DeadlineParser {
    /// The deadline `text` states, or an error naming `text` and why it was refused.
    public static func parse(_ text: String) throws(DeadlineParseError) -> Deadline {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DeadlineParseError(text: text, reason: .empty)
        }
        let words = withoutLeadingFillers(DeadlineTokens.words(text))
        if let period = recurringPeriod(words) {
            return .recurring(period)
        }
        do {
            if let day = try fixedDay(words) {
                return .due(day)
            }
        } catch {
            throw DeadlineParseError(text: text, reason: error.reason)
        }
        throw DeadlineParseError(text: text, reason: .unrecognised)
    }

    /// Words that may open a wording without changing its meaning.
    private static let fillers: [[String]] = [["hoan", "thanh"], ["thuc", "hien"], ["trong"], ["cuoi"]]

    /// `words` without any leading "hoàn thành", "thực hiện", "trong", "cuối".
    private static func withoutLeadingFillers(_ words: [String]) -> [String] {
        var rest = ArraySlice(words)
        while let filler = fillers.first(where: { rest.starts(with: $0) }) {
            rest = rest.dropFirst(filler.count)
        }
        return Array(rest)
    }

    /// The period of a recurring wording, or `nil` if `words` is not one.
    private static func recurringPeriod(_ words: [String]) -> Period? {
        if words == ["thuong", "xuyen"] { return .month }
        var rest = ArraySlice(words)
        let periodic = rest.starts(with: ["dinh", "ky"])
        if periodic { rest = rest.dropFirst(2) }
        switch Array(rest) {
        case ["hang", "thang"]: return .month
        case ["hang", "quy"]: return .quarter
        case ["hang", "nam"]: return .year
        case ["hang", "6", "thang"], ["6", "thang", "mot", "lan"]: return .halfYear
        case ["6", "thang"] where periodic: return .halfYear
        default: return nil
        }
    }

    /// The due day of a fixed wording; `nil` if `words` is in no known form; throws if
    /// the form is known but a number in it is not valid.
    private static func fixedDay(_ words: [String]) throws(ReasonError) -> Day? {
        switch words.count {
        case 1:
            return try isDateLike(words[0]) ? date(words[0]) : nil
        case 2:
            return try twoWordDay(words[0], words[1])
        case 3:
            return try threeWordDay(words)
        case 4:
            return try fourWordDay(words)
        case 5:
            return try halfYearDay(words)
        default:
            return nil
        }
    }

    /// "tháng 11/2025", "quý III/2025", "năm 2026", "trước 01/01/2026", "ngày 30/11/2025".
    private static func twoWordDay(_ first: String, _ second: String) throws(ReasonError) -> Day? {
        switch first {
        case "thang":
            guard let (month, year) = pair(second) else { return nil }
            return try monthEnd(month, year)
        case "quy":
            guard let (quarter, year) = pair(second) else { return nil }
            return try quarterEnd(quarter, year)
        case "nam":
            guard second.allSatisfy(\.isASCIIDigit) else { return nil }
            return try Day(checkedYear: year(second), month: 12, day: 31)
        case "truoc" where isDateLike(second):
            return try date(second).adding(days: -1)
        case "den" where isDateLike(second), "ngay" where isDateLike(second):
            return try date(second)
        default:
            return nil
        }
    }

    /// "trước ngày 01/01/2026", "đến ngày 15/12/2025", "chậm nhất 15/12/2025".
    private static func threeWordDay(_ words: [String]) throws(ReasonError) -> Day? {
        guard isDateLike(words[2]) else { return nil }
        return switch (words[0], words[1]) {
        case ("truoc", "ngay"): try date(words[2]).adding(days: -1)
        case ("den", "ngay"), ("cham", "nhat"): try date(words[2])
        default: nil
        }
    }

    /// "tháng 11 năm 2025", "quý III năm 2025", "chậm nhất ngày 15/12/2025".
    private static func fourWordDay(_ words: [String]) throws(ReasonError) -> Day? {
        switch (words[0], words[2]) {
        case ("thang", "nam"): try monthEnd(words[1], words[3])
        case ("quy", "nam"): try quarterEnd(words[1], words[3])
        case ("cham", "ngay") where words[1] == "nhat" && isDateLike(words[3]): try date(words[3])
        default: nil
        }
    }

    /// "6 tháng đầu năm 2026" (30/06) and "6 tháng cuối năm 2026" (31/12).
    private static func halfYearDay(_ words: [String]) throws(ReasonError) -> Day? {
        guard ["6", "sau"].contains(words[0]), words[1] == "thang", words[3] == "nam" else { return nil }
        switch words[2] {
        case "dau": return try Day(checkedYear: year(words[4]), month: 6, day: 30)
        case "cuoi": return try Day(checkedYear: year(words[4]), month: 12, day: 31)
        default: return nil
        }
    }

    /// The two parts of "11/2025" or "iii/2025" (separated by `/`, `-` or `.`).
    private static func pair(_ word: String) -> (String, String)? {
        let parts = word.split(whereSeparator: DeadlineTokens.isSeparator)
        guard parts.count == 2, word.filter(DeadlineTokens.isSeparator).count == 1 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The last day of `month` in `year`.
    private static func monthEnd(_ month: String, _ year: String) throws(ReasonError) -> Day? {
        guard month.allSatisfy(\.isASCIIDigit), year.allSatisfy(\.isASCIIDigit) else { return nil }
        guard month.count <= 2, let number = Int(month), (1...12).contains(number) else {
            throw ReasonError(.invalidMonth(month))
        }
        return try Day(checkedYear: self.year(year), month: number, day: 1).endOfMonth
    }

    /// The last day of quarter `quarter` (I–IV or 1–4) in `year`.
    private static func quarterEnd(_ quarter: String, _ year: String) throws(ReasonError) -> Day? {
        guard year.allSatisfy(\.isASCIIDigit) else { return nil }
        let quarters = ["1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4]
        guard let number = quarters[quarter] else {
            let romanLetters = Set("ivxlcdm")
            if quarter.allSatisfy(\.isASCIIDigit) || quarter.allSatisfy(romanLetters.contains) {
                throw ReasonError(.invalidQuarter(quarter.uppercased()))
            }
            return nil
        }
        return try Day(checkedYear: self.year(year), month: number * 3, day: 1).endOfMonth
    }

    /// The year written in four digits within 2000...2099.
    private static func year(_ text: String) throws(ReasonError) -> Int {
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text), (2000...2099).contains(year) else {
            throw ReasonError(.invalidYear(text))
        }
        return year
    }

    /// Whether `word` looks like a date: digits in three parts, two separators.
    private static func isDateLike(_ word: String) -> Bool {
        word.filter(DeadlineTokens.isSeparator).count == 2 && word.contains(where: \.isASCIIDigit)
    }

    /// The day written d/M/yyyy or dd/MM/yyyy, with `/`, `-` or `.` (one kind per date).
    private static func date(_ word: String) throws(ReasonError) -> Day {
        let separators = Set(word.filter(DeadlineTokens.isSeparator))
        let parts = word.split(omittingEmptySubsequences: false, whereSeparator: DeadlineTokens.isSeparator)
        guard separators.count == 1, parts.count == 3,
              parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCIIDigit } }),
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (2000...2099).contains(year),
              let result = Day(year: year, month: month, day: day)
        else { throw ReasonError(.invalidDate(word)) }
        return result
    }
}

/// A refusal inside the parser, before the text it concerns is attached.
struct ReasonError: Error {
    /// Why the wording was refused.
    let reason: DeadlineParseError.Reason

    init(_ reason: DeadlineParseError.Reason) {
        self.reason = reason
    }
}
