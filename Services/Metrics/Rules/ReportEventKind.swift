/// One step in the history of a unit's value for a period.
public enum ReportEventKind: String, Choice {
    /// The first draft.
    case report
    /// A later draft: an edit, or a correction of a value sent back or accepted.
    case correct
    /// The head submitted it for review.
    case submit
    /// A reviewer accepted it.
    case accept
    /// A reviewer sent it back with a reason.
    case sendBack

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name, e.g. "Gửi thẩm định".
    public var displayName: String {
        switch self {
        case .report: "Báo cáo"
        case .correct: "Điều chỉnh"
        case .submit: "Gửi thẩm định"
        case .accept: "Chấp nhận"
        case .sendBack: "Trả lại"
        }
    }
}
