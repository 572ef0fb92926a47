/// A unit's place in a ranking.
public struct RankedValue: Sendable, Hashable, Codable {
    /// The unit's id.
    public var unitId: String
    /// Its value, or `nil` if it has none.
    public var value: Double?
    /// Its rank, 1 = best; equal values share a rank; `nil` for a unit without a value.
    public var rank: Int?

    /// A ranked unit.
    public init(unitId: String, value: Double?, rank: Int?) {
        self.unitId = unitId
        self.value = value
        self.rank = rank
    }
}
