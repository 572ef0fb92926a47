/// A step someone takes on a reviewed thing.
public enum ReviewMove: Equatable, Sendable {
    /// The unit prepares or edits the item (a claim with its evidence, a value).
    case draft
    /// The unit sends the item for review.
    case submit
    /// A reviewer accepts the item.
    case accept
    /// A reviewer sends the item back, saying why.
    case sendBack(reason: String)
    /// An accepted item is withdrawn (a publication taken down).
    case withdraw

    /// The move's name in code, as carried by `ReviewRefusal.move`.
    public var name: String {
        switch self {
        case .draft: "draft"
        case .submit: "submit"
        case .accept: "accept"
        case .sendBack: "sendBack"
        case .withdraw: "withdraw"
        }
    }

    /// The Vietnamese name of the action, e.g. "chấp nhận".
    public var displayName: String {
        switch self {
        case .draft: "soạn"
        case .submit: "gửi thẩm định"
        case .accept: "chấp nhận"
        case .sendBack: "trả lại"
        case .withdraw: "thu hồi"
        }
    }

    /// Whether the move is a decision on the item (accept or send back).
    public var isDecision: Bool {
        switch self {
        case .accept, .sendBack: true
        default: false
        }
    }
}
