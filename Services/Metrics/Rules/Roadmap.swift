import NQ57Calendar

/// A straight line from the baseline (value `baseline` on day `start`) to the target
/// (value `target` due on day `due`).
public struct Roadmap: Sendable, Hashable {
    /// The value at the start.
    public var baseline: Double
    /// The day the line starts.
    public var start: Day
    /// The value due at the end.
    public var target: Double
    /// The day the target is due.
    public var due: Day

    /// The line from `baseline` on `start` to `target` on `due`.
    public init(baseline: Double, start: Day, target: Double, due: Day) {
        self.baseline = baseline
        self.start = start
        self.target = target
        self.due = due
    }

    /// The value the line expects on `day`: the target on or after `due`, the baseline on
    /// or before `start`, and in between the straight line.
    public func expected(on day: Day) -> Double {
        if day >= due { return target }
        let share = elapsed(on: day)
        return baseline + (target - baseline) * Double(share.days) / Double(share.of)
    }

    /// The share of the line's time elapsed on `day`, as whole days `days` out of `of`
    /// (`of` > 0): 0/1 on or before the start, 1/1 on or after the due day.
    func elapsed(on day: Day) -> (days: Int, of: Int) {
        if day >= due { return (1, 1) }
        if day <= start { return (0, 1) }
        return (start.daysUntil(day), start.daysUntil(due))
    }
}
