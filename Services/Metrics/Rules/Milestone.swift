import NQ57Calendar

/// A milestone a target is set for: a year ("năm 2030", due 31/12 of that year) or a date
/// ("trước ngày 01/01/2026", due that day).
///
/// Encoded as its key, `"2030"` or `"2026-01-01"`.
public enum Milestone: Sendable, Hashable, Codable {
    /// By the end of this year.
    case year(Int)
    /// By this day.
    case date(Day)

    /// Parses `"2030"` or `"2026-01-01"` (surrounding spaces ignored).
    /// - Throws: `RuleError` on field "milestone" for anything else.
    public init(parsing text: String) throws(RuleError) {
        let trimmed = String(text.trimmingWhitespace())
        if trimmed.count == 4, trimmed.allSatisfy(\.isASCIIDigit), let year = Int(trimmed), year >= 1 {
            self = .year(year)
        } else if let day = Day(iso: trimmed) {
            self = .date(day)
        } else {
            throw RuleError(field: "milestone", message:
                "Mốc \"\(text)\" không hợp lệ: cần một năm (ví dụ 2030) hoặc một ngày dạng yyyy-MM-dd (ví dụ 2026-01-01).")
        }
    }

    /// The key: `"2030"` or `"2026-01-01"`.
    public var key: String {
        switch self {
        case .year(let year): String(year)
        case .date(let day): day.iso
        }
    }

    /// The day the target is due: 31/12 of the year, or the date itself.
    /// (A year outside 1...9999 is taken as the nearest of those.)
    public var due: Day {
        switch self {
        case .year(let year): Day(year: Swift.min(Swift.max(year, 1), 9999), month: 12, day: 31)!
        case .date(let day): day
        }
    }

    /// The Vietnamese name: "Năm 2030", "Trước ngày 01/01/2026".
    public var displayName: String {
        switch self {
        case .year(let year): "Năm \(year)"
        case .date(let day): "Trước ngày \(day.description)"
        }
    }

    /// Decodes the key, e.g. `"2030"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Milestone(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the key, e.g. `"2030"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
