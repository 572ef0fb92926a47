/// One reporting period: a month, quarter, half-year or year.
///
/// Its key is `"2025-11"`, `"2025-Q3"`, `"2025-H2"` or `"2025"` (also its Codable form);
/// people see "Tháng 11/2025", "Quý III/2025", "6 tháng cuối năm 2025", "Năm 2025".
public struct PeriodKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// How long the period is.
    public let period: Period
    /// Its year.
    public let year: Int
    /// Which one in the year: the month 1...12, quarter 1...4, half 1...2, or 1 for a year.
    public let index: Int

    /// The period with these numbers, or `nil` if the index does not fit the period.
    public init?(period: Period, year: Int, index: Int) {
        guard (1...9999).contains(year), (1...PeriodKey.count(of: period)).contains(index) else { return nil }
        self.period = period
        self.year = year
        self.index = index
    }

    /// The period a key such as `"2025-11"`, `"2025-Q3"`, `"2025-H2"` or `"2025"` names.
    public init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), let year = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(period: .year, year: year, index: 1)
            return
        }
        guard parts.count == 2, let marker = parts[1].first else { return nil }
        let (period, digits): (Period, Substring) = switch marker {
        case "Q": (.quarter, parts[1].dropFirst())
        case "H": (.halfYear, parts[1].dropFirst())
        default: (.month, Substring(parts[1]))
        }
        let width = period == .month ? 2 : 1
        guard digits.count == width, digits.allSatisfy(\.isASCIIDigit), let index = Int(digits) else { return nil }
        self.init(period: period, year: year, index: index)
    }

    /// A period from already-checked numbers.
    private init(checkedPeriod period: Period, year: Int, index: Int) {
        self.period = period
        self.year = year
        self.index = index
    }

    /// The period of kind `period` that `day` falls in.
    public static func containing(_ day: Day, period: Period) -> PeriodKey {
        let index = switch period {
        case .month: day.month
        case .quarter: day.quarter
        case .halfYear: day.half
        case .year: 1
        }
        return PeriodKey(checkedPeriod: period, year: day.year, index: index)
    }

    /// The key, e.g. `"2025-11"`, `"2025-Q3"`, `"2025-H2"`, `"2025"`.
    public var key: String {
        switch period {
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .halfYear: "\(year)-H\(index)"
        case .year: "\(year)"
        }
    }

    /// The first day of the period.
    public var start: Day {
        Day(checkedYear: year, month: (index - 1) * PeriodKey.months(in: period) + 1, day: 1)
    }

    /// The last day of the period; its report is due by the end of this day.
    public var end: Day {
        Day(checkedYear: year, month: index * PeriodKey.months(in: period), day: 1).endOfMonth
    }

    /// The period that follows, of the same length.
    public var next: PeriodKey {
        index < PeriodKey.count(of: period)
            ? PeriodKey(checkedPeriod: period, year: year, index: index + 1)
            : PeriodKey(checkedPeriod: period, year: year + 1, index: 1)
    }

    /// The period before, of the same length.
    public var previous: PeriodKey {
        index > 1
            ? PeriodKey(checkedPeriod: period, year: year, index: index - 1)
            : PeriodKey(checkedPeriod: period, year: year - 1, index: PeriodKey.count(of: period))
    }

    /// The Vietnamese name: "Tháng 11/2025", "Quý III/2025", "6 tháng cuối năm 2025", "Năm 2025".
    public var displayName: String {
        switch period {
        case .month: "Tháng \(index)/\(year)"
        case .quarter: "Quý \(["I", "II", "III", "IV"][index - 1])/\(year)"
        case .halfYear: "6 tháng \(index == 1 ? "đầu" : "cuối") năm \(year)"
        case .year: "Năm \(year)"
        }
    }

    /// The Vietnamese name, as `description`.
    public var description: String { displayName }

    /// Earlier periods first; of two starting together, the shorter first.
    public static func < (lhs: PeriodKey, rhs: PeriodKey) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// Decodes the key, e.g. `"2025-Q3"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = PeriodKey(key: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Kỳ báo cáo \"\(text)\" không hợp lệ: cần dạng 2025-11, 2025-Q3, 2025-H2 hoặc 2025.")
        }
        self = key
    }

    /// Encodes the key, e.g. `"2025-Q3"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    /// How many periods of this kind a year has.
    private static func count(of period: Period) -> Int {
        12 / months(in: period)
    }

    /// How many months a period of this kind lasts.
    private static func months(in period: Period) -> Int {
        switch period {
        case .month: 1
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        }
    }
}
