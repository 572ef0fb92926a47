import Foundation
import NQ57Calendar
import Testing
@testable import NQ57Runtime

/// The one clock and the one Vietnam calendar.
struct ClockTests {
    @Test("NQ57_NOW gives a clock that starts at 09:00 that day in Vietnam, and the settings of every service share it")
    func clockFromSettings() throws {
        let settings = try NQ57Settings.resolve(service: "tasks", options: ServiceOptions.parse([]), environment: ["NQ57_NOW": "2025-12-31"])
        #expect(settings.clock.today == "2025-12-31")
        // 09:00 in Vietnam is 02:00 UTC the same day.
        #expect(VietnamTime.dateTime(settings.clock.now).hasPrefix("31/12/2025 09:0"))
    }

    @Test("A moment near midnight UTC is already the next day in Vietnam (UTC+7)")
    func vietnamDay() throws {
        let lateUTC = try #require(ISO8601DateFormatter().date(from: "2025-12-31T17:30:00Z"))
        #expect(NQ57Clock.isoDay(lateUTC) == "2026-01-01")
        #expect(VietnamTime.dateTime(lateUTC) == "01/01/2026 00:30:00")
        #expect(NQ57Clock.parseDay("2026-01-01").map(NQ57Clock.isoDay) == "2026-01-01")
        #expect(NQ57Clock.parseDay("2025-02-29") == nil)
    }
}
