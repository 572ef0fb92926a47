/// Which way is good for an indicator's value.
public enum Direction: String, Choice {
    /// Higher is better; the target is a floor (≥).
    case atLeast
    /// Lower is better; the target is a ceiling (≤).
    case atMost
    /// The value should equal the target.
    case exactly
    /// The indicator is a task that is either done (1) or not (0).
    case done

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Tối thiểu (≥)".
    public var displayName: String {
        switch self {
        case .atLeast: "Tối thiểu (≥)"
        case .atMost: "Tối đa (≤)"
        case .exactly: "Đúng bằng"
        case .done: "Hoàn thành"
        }
    }
}
