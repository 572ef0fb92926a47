import Foundation
import Logging
import NIOConcurrencyHelpers
import NQ57API
import NQ57Runtime
import ServiceLifecycle
import TasksRules

/// Runs the reminders each morning at 07:00 Vietnam time, by the service's clock: it looks at
/// the clock every `interval` and runs once a day is due (07:00 passed, not yet run that day,
/// so a service started later in the day catches up at its first look). A run that fails is tried again at the
/// next look; the runner's own records keep a second run from doubling anything.
public final class ReminderSchedule: Service, Sendable {
    /// The hour of the morning run, Vietnam time.
    public static let hour = 7

    let runner: ReminderRunner
    let clock: NQ57Clock
    let interval: Duration
    let logger: Logger
    private let lastRun = NIOLockedValueBox<Day?>(nil)

    /// A schedule over `runner`, looking at `clock` every `interval`.
    public init(runner: ReminderRunner, clock: NQ57Clock, interval: Duration = .seconds(60), logger: Logger) {
        self.runner = runner
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// The day whose run is due at `now`, or nil.
    public func dueDay(at now: Date) -> Day? {
        let day = Day(now)
        guard VietnamTime.calendar.component(.hour, from: now) >= Self.hour, lastRun.withLockedValue({ $0 }) != day else { return nil }
        return day
    }

    /// Looks at the clock once: runs the day's reminders if they are due; returns what the run did.
    @discardableResult
    public func tick() async -> ReminderRunReport? {
        guard let day = dueDay(at: clock.now) else { return nil }
        do {
            let report = try await runner.run(on: day)
            lastRun.withLockedValue { $0 = day }
            return report
        } catch {
            logger.warning("reminders run failed; tried again at the next look", metadata: ["day": "\(day.iso)", "error": "\(error)"])
            return nil
        }
    }

    /// Looks at the clock until the service stops. The first look comes one `interval` after the
    /// start, not at it: starting stays cheap, and the metrics and auth services the run asks are
    /// given time to come up beside this one.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.interval)
                guard !Task.isCancelled else { return }
                await self.tick()
            }
        }
    }
}
