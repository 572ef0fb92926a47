/// Where a unit's reported value for a period stands in its review (the `kpiValue` review
/// workflow's states, under the names the metrics service has always used on the wire and in
/// its database: a value sent back is `needsRework`).
public enum ReportState: String, Choice {
    /// Drafted by the unit; not yet submitted.
    case draft
    /// Submitted by the head; waiting for a reviewer.
    case submitted
    /// Sent back with a reason; the unit corrects it and submits again.
    case needsRework
    /// Accepted: it counts from the day of acceptance.
    case accepted

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Chờ thẩm định".
    public var displayName: String {
        switch self {
        case .draft: "Đang soạn"
        case .submitted: "Chờ thẩm định"
        case .needsRework: "Chờ hoàn thiện"
        case .accepted: "Đã chấp nhận"
        }
    }
}
