/// A checked reported number. For a ratio, `value` = `numerator` / `denominator` × 100.
public struct ReportedNumber: Sendable, Hashable, Codable {
    /// The value: the number itself, or the ratio as a percentage.
    public var value: Double
    /// The ratio's numerator (tử số), if the number is a ratio.
    public var numerator: Double?
    /// The ratio's denominator (mẫu số), if the number is a ratio.
    public var denominator: Double?

    /// A number with these parts; `ValueCheck.check` is what makes one that obeys the rules.
    public init(value: Double, numerator: Double? = nil, denominator: Double? = nil) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }
}
