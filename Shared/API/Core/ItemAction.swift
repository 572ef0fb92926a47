import NQ57Calendar
import ReviewRules

/// What the caller may do next on one item (a task, its claim, a KPI report), returned with
/// the item so that the console offers exactly the buttons the server will accept.
public enum ItemAction: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// Report progress on a task.
    case progress
    /// Prepare or edit the item (a claim with its evidence, a value).
    case draft
    /// Send it for review.
    case submit
    /// Accept it (a reviewer).
    case accept
    /// Send it back with a reason (a reviewer).
    case sendBack
    /// Withdraw an accepted item.
    case withdraw
    /// Decide (set or change) a task's deadline, with the reason recorded.
    case setDeadline

    /// The Vietnamese label of the button.
    public var label: String {
        switch self {
        case .progress: "Cập nhật tiến độ"
        case .draft: "Soạn"
        case .submit: "Gửi thẩm định"
        case .accept: "Chấp nhận"
        case .sendBack: "Trả lại"
        case .withdraw: "Thu hồi"
        case .setDeadline: "Đặt thời hạn"
        }
    }
}

extension ReviewStateMachine {
    /// The review moves `actor` may make on `item` on `day`, as item actions (a send-back is
    /// checked with a placeholder reason: the reason's own check comes when it is sent).
    public func actions(on item: ReviewItem, by actor: ReviewActor, on day: Day) -> [ItemAction] {
        let moves: [(ReviewMove, ItemAction)] = [(.draft, .draft), (.submit, .submit), (.accept, .accept),
                                                 (.sendBack(reason: "—"), .sendBack), (.withdraw, .withdraw)]
        return moves.filter { permits($0.0, on: item, by: actor, on: day) }.map(\.1)
    }
}
