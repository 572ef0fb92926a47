/// Which unit tree a roll-up or ranking of the past uses.
public enum UnitTreeChoice: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// The tree of the day the view is about (for a period's roll-up, the period's last day, or
    /// `asOf` if earlier): the units that existed then, each with only its own values.
    case asOf
    /// Today's tree: the past re-totalled, each merged unit's values summed (by the indicator's
    /// rule) into the unit it was merged into; a split unit's past is not divided.
    case today

    /// The choice as people read it.
    public var displayName: String {
        switch self {
        case .asOf: "Cây đơn vị của ngày được xem"
        case .today: "Cây đơn vị hôm nay (cộng dồn đơn vị đã sáp nhập)"
        }
    }
}
