import Foundation

/// A calendar day in Asia/Ho_Chi_Minh (proleptic Gregorian calendar), with no time of day.
///
/// Deadlines, submissions and "today" are all days: a task due on 30/11/2025 is on time
/// if it is submitted at any moment of 30/11/2025 in Vietnam. Encoded as its ISO form,
/// `"2025-11-30"`; shown to people as `30/11/2025`.
public struct Day: Comparable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2025.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// The day with these numbers, or `nil` if there is no such day (31/02, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysInMonth(month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day from already-checked numbers.
    package init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day written as ISO 8601 `yyyy-MM-dd` (e.g. `"2025-11-30"`), or `nil` if the
    /// text is not in that form or names no real day.
    public init?(iso: String) {
        // Read straight from the UTF-8 bytes: flag rules parse a day for every task they look at.
        var utf8 = iso
        let parsed: (Int, Int, Int)? = utf8.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = parsed else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day that `date` falls on in Asia/Ho_Chi_Minh.
    public init(_ date: Date) {
        let parts = Day.vietnamCalendar.dateComponents([.year, .month, .day], from: date)
        self.init(checkedYear: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The ISO 8601 form, `yyyy-MM-dd`.
    public var iso: String {
        "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
    }

    /// The Vietnamese form, `dd/MM/yyyy`.
    public var description: String {
        "\(Day.pad(day, 2))/\(Day.pad(month, 2))/\(Day.pad(year, 4))"
    }

    /// The day `days` days later (earlier if negative).
    public func adding(days: Int) -> Day {
        Day(ordinal: ordinal + days)
    }

    /// How many days from this day to `other`: positive if `other` is later, 0 if the same day.
    public func daysUntil(_ other: Day) -> Int {
        other.ordinal - ordinal
    }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        Day(checkedYear: year, month: month, day: Day.daysInMonth(month, year: year))
    }

    /// The last day of this day's quarter (31/03, 30/06, 30/09 or 31/12).
    public var endOfQuarter: Day {
        let lastMonth = quarter * 3
        return Day(checkedYear: year, month: lastMonth, day: Day.daysInMonth(lastMonth, year: year))
    }

    /// The last day of this day's year, 31/12.
    public var endOfYear: Day {
        Day(checkedYear: year, month: 12, day: 31)
    }

    /// The quarter this day is in, 1...4.
    public var quarter: Int {
        (month - 1) / 3 + 1
    }

    /// The half-year this day is in: 1 for January–June, 2 for July–December.
    public var half: Int {
        month <= 6 ? 1 : 2
    }

    /// How many days `month` has in `year` (Gregorian leap years).
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `year` has 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Earlier days sort first.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes the ISO form, `"2025-11-30"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Ngày \"\(text)\" không hợp lệ: cần dạng yyyy-MM-dd, ví dụ 2025-11-30.")
        }
        self = day
    }

    /// Encodes the ISO form, `"2025-11-30"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private static var vietnamCalendar: Calendar { VietnamTime.calendar }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Day {
    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    package var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    package init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(checkedYear: year, month: month, day: day)
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    package var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return (48...57).contains(value)
    }
}
