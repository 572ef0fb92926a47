/// Whether an indicator is one of a plan's strategic targets or an operational one.
public enum IndicatorKind: String, Choice {
    /// A target the plan sets (chỉ tiêu chiến lược).
    case strategic
    /// A measure of day-to-day work (chỉ tiêu tác nghiệp).
    case operational

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Chiến lược".
    public var displayName: String {
        switch self {
        case .strategic: "Chiến lược"
        case .operational: "Tác nghiệp"
        }
    }
}
