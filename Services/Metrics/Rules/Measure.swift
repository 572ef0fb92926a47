/// What an indicator measures, which decides the values a report may carry.
public enum Measure: String, Choice {
    /// A percentage, 0...100 (tỷ lệ).
    case percent
    /// A whole number of things, ≥ 0 (số lượng).
    case count
    /// An index or score, ≥ 0 (chỉ số).
    case index
    /// An amount of money in đồng, ≥ 0.
    case money
    /// Done or not: 1 or 0 (hoàn thành/chưa).
    case done

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Tỷ lệ (%)".
    public var displayName: String {
        switch self {
        case .percent: "Tỷ lệ (%)"
        case .count: "Số lượng"
        case .index: "Chỉ số"
        case .money: "Tiền (đồng)"
        case .done: "Hoàn thành/chưa"
        }
    }
}
