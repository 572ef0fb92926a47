/// Where a unit's value for a period comes from.
public enum ValueSource: String, Choice {
    /// The unit's own accepted report.
    case reported
    /// Rolled up from the units below it by the indicator's rule.
    case rolledUp
    /// Neither: no value.
    case none

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Tổng hợp từ đơn vị cấp dưới".
    public var displayName: String {
        switch self {
        case .reported: "Đơn vị báo cáo"
        case .rolledUp: "Tổng hợp từ đơn vị cấp dưới"
        case .none: "Chưa có số liệu"
        }
    }
}
