import Foundation
import NIOConcurrencyHelpers
import NQ57Calendar

/// The one source of "now" for every rule that depends on it, so tests (and the CLI's
/// `--now`) can set it. Dates that people read are in Asia/Ho_Chi_Minh.
public struct NQ57Clock: Sendable {
    private let source: @Sendable () -> Date

    /// The system clock.
    public static let system = NQ57Clock { Date() }

    /// A clock that read 09:00 of `day` (yyyy-MM-dd) in Asia/Ho_Chi_Minh at the real instant
    /// `since` (now, without it), and runs on from there (`nq57 up --now 2025-12-15`,
    /// `NQ57_NOW`); nil if there is no such day. Processes given the same `since` agree on the
    /// time whenever each started: without it a service that started (or restarted) later ran
    /// behind the others by that much, and tokens one signed looked expired or not yet valid to another.
    public static func startingOn(_ day: String, since: Date? = nil) -> NQ57Clock? {
        guard let start = parseDay(day) else { return nil }
        let offset = start.addingTimeInterval(9 * 3600).timeIntervalSince(since ?? Date())
        return NQ57Clock { Date().addingTimeInterval(offset) }
    }

    /// A clock that reads `source`.
    public init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    /// Now.
    public var now: Date { source() }

    /// Today as `yyyy-MM-dd` in Asia/Ho_Chi_Minh.
    public var today: String { Self.isoDay(now) }

    /// `date` as `yyyy-MM-dd` in Asia/Ho_Chi_Minh.
    public static func isoDay(_ date: Date) -> String {
        Day(date).iso
    }

    /// The start of the day `yyyy-MM-dd` in Asia/Ho_Chi_Minh, or nil if there is no such day.
    public static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: VietnamTime.calendar) else { return nil }
        return VietnamTime.calendar.date(from: components)
    }
}

/// A clock a test moves by hand.
public final class ManualClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    /// Starts at `start`.
    public init(_ start: Date) { current = NIOLockedValueBox(start) }

    /// Moves forward.
    public func advance(by seconds: TimeInterval) { current.withLockedValue { $0 += seconds } }

    /// The clock to hand to the code under test.
    public var clock: NQ57Clock { NQ57Clock { [current] in current.withLockedValue { $0 } } }
}
