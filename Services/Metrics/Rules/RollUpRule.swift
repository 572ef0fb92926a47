/// How a parent unit's value comes from its children's values.
public enum RollUpRule: String, Choice {
    /// The children's values added up.
    case sum
    /// Σ numerators / Σ denominators × 100: each child weighs as much as its denominator.
    case weightedRatio
    /// The arithmetic mean of the children's values.
    case average
    /// The smallest child value.
    case min
    /// The largest child value.
    case max
    /// The indicator is not rolled up from children.
    case none

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Tỷ lệ có trọng số (tử số/mẫu số)".
    public var displayName: String {
        switch self {
        case .sum: "Cộng"
        case .weightedRatio: "Tỷ lệ có trọng số (tử số/mẫu số)"
        case .average: "Trung bình"
        case .min: "Nhỏ nhất"
        case .max: "Lớn nhất"
        case .none: "Không tổng hợp"
        }
    }
}
