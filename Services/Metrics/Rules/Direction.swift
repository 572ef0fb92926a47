/// Which way is good for an indicator's value.
public enum Direction: String, Codable, Sendable, CaseIterable {
    /// Higher is better; the target is a floor (≥).
    case atLeast
    /// Lower is better; the target is a ceiling (≤).
    case atMost
    /// The value should equal the target.
    case exactly
    /// The indicator is a task that is either done (1) or not (0).
    case done

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
