/// Where an indicator stands against its target's roadmap.
public enum CompletionStatus: String, Choice {
    /// The target is reached.
    case met
    /// At or ahead of the roadmap.
    case onTrack
    /// Behind the roadmap, but with at least half the progress it expects.
    case atRisk
    /// Less than half the progress the roadmap expects, or past due and not reached.
    case red
    /// Nothing reported for the period due.
    case notReported
    /// No target is known to compare with.
    case noTarget

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Cảnh báo đỏ".
    public var displayName: String {
        switch self {
        case .met: "Đạt"
        case .onTrack: "Đúng lộ trình"
        case .atRisk: "Có nguy cơ"
        case .red: "Cảnh báo đỏ"
        case .notReported: "Chưa báo cáo"
        case .noTarget: "Chưa có chỉ tiêu"
        }
    }
}
