/// The band a unit's score falls in.
public enum ScoreBand: String, Codable, Sendable, CaseIterable {
    /// 90% or more.
    case excellent
    /// 70% up to 90%.
    case good
    /// 50% up to 70%.
    case fair
    /// Below 50%.
    case poor
    /// No task has fallen due yet, so there is no score.
    case none

    /// The band of a score in percent; `nil` (nothing due) is `.none`.
    public init(percent: Double?) {
        guard let percent else {
            self = .none
            return
        }
        self = switch percent {
        case 90...: .excellent
        case 70...: .good
        case 50...: .fair
        default: .poor
        }
    }

    /// The band of `onTime` out of `due`, compared exactly in integers (`.none` if `due` is 0).
    public init(due: Int, onTime: Int) {
        guard due > 0 else {
            self = .none
            return
        }
        let hundredfold = onTime * 100
        self = if hundredfold >= 90 * due { .excellent }
            else if hundredfold >= 70 * due { .good }
            else if hundredfold >= 50 * due { .fair }
            else { .poor }
    }

    /// The Vietnamese name, e.g. "Xuất sắc".
    public var displayName: String {
        switch self {
        case .excellent: "Xuất sắc"
        case .good: "Tốt"
        case .fair: "Trung bình"
        case .poor: "Yếu"
        case .none: "Chưa có nhiệm vụ đến hạn"
        }
    }
}
