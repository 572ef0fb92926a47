import Foundation

/// The calendar year as it is in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
enum VietnamCalendar {
    /// Vietnam's time zone; a fixed UTC+7 where the time zone database is missing.
    static let timeZone: TimeZone =
        TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// The Gregorian year of `date` in Vietnam.
    static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.component(.year, from: date)
    }
}
