import NQ57Calendar

/// The rules a reported number is checked against.
public struct IndicatorRules: Sendable, Hashable, Codable {
    /// What the indicator measures.
    public var measure: Measure
    /// Which way is good.
    public var direction: Direction
    /// How a parent's value comes from its children.
    public var rollUp: RollUpRule
    /// How often it is reported.
    public var frequency: Period
    /// A cap on the value, if any; a percentage is capped at 100 even when this is `nil`.
    public var maxValue: Double?

    /// Rules with these parts.
    public init(measure: Measure, direction: Direction, rollUp: RollUpRule, frequency: Period, maxValue: Double? = nil) {
        self.measure = measure
        self.direction = direction
        self.rollUp = rollUp
        self.frequency = frequency
        self.maxValue = maxValue
    }

    /// The largest value allowed: `maxValue`, and for a percentage never more than 100.
    var upperBound: Double? {
        guard measure == .percent else { return maxValue }
        return Swift.min(100, maxValue ?? 100)
    }
}
