/// What an entry of a task's history records: one name per kind, with its Vietnamese label.
public enum TaskHistoryKind: String, Codable, Sendable, CaseIterable {
    /// The unit reported progress.
    case progress
    /// The unit drafted a completion claim (or a period's report) with its evidence.
    case claim
    /// The head sent the claim for review.
    case submit
    /// A reviewer accepted it.
    case accept
    /// A reviewer sent it back, with the reason.
    case sendBack
    /// A deadline was set or changed by a recorded decision (who, when, why, the previous value).
    case setDeadline

    /// The Vietnamese label, e.g. "Cập nhật tiến độ".
    public var displayName: String {
        switch self {
        case .progress: "Cập nhật tiến độ"
        case .claim: "Đề nghị hoàn thành"
        case .submit: "Gửi thẩm định"
        case .accept: "Chấp nhận"
        case .sendBack: "Trả lại"
        case .setDeadline: "Đặt thời hạn"
        }
    }
}
