import Foundation

/// Vietnam's time: the one definition of the Asia/Ho_Chi_Minh time zone and its calendar, used
/// by every date and day that people read (days, periods, "today", times in lists).
public enum VietnamTime {
    /// Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975; the fixed
    /// offset is the fallback should the time-zone database be missing.
    public static let timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// The Gregorian calendar in Vietnam's time zone.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// `date` as people read a moment: `dd/MM/yyyy HH:mm:ss` in Vietnam.
    public static func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.day, 2))/\(pad(parts.month, 2))/\(pad(parts.year, 4)) \(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
    }
}
