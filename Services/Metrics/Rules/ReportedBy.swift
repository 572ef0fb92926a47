/// Who reports an indicator's values.
public enum ReportedBy: String, Choice {
    /// The owning unit reports its own value.
    case owner
    /// Each unit directly below the owner reports; the owner's value is rolled up.
    case children

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Đơn vị trực thuộc báo cáo".
    public var displayName: String {
        switch self {
        case .owner: "Đơn vị sở hữu báo cáo"
        case .children: "Đơn vị trực thuộc báo cáo"
        }
    }
}
