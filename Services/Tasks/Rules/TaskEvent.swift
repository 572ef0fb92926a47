/// Something that happens to a task and may change its status.
public enum TaskEvent: Equatable, Sendable {
    /// The unit reports how far along the task is, 0...100 percent.
    case progress(percent: Int)
    /// The unit claims the task done on day `on`, with `evidenceCount` pieces of evidence.
    case submit(evidenceCount: Int, on: Day)
    /// The reviewer accepts the claim submitted on `submittedOn`; that day, not the day
    /// of the review, decides whether the task was done on time.
    case accept(submittedOn: Day)
    /// The reviewer sends the claim back, saying why.
    case sendBack(reason: String)
    /// The reviewer reopens a completed task, which goes back to in progress.
    case reopen

    /// The event's name in code, as carried by `TransitionError.event`.
    public var name: String {
        switch self {
        case .progress: "progress"
        case .submit: "submit"
        case .accept: "accept"
        case .sendBack: "sendBack"
        case .reopen: "reopen"
        }
    }

    /// The Vietnamese name of the action, e.g. "cập nhật tiến độ".
    public var displayName: String {
        switch self {
        case .progress: "cập nhật tiến độ"
        case .submit: "gửi hoàn thành"
        case .accept: "chấp nhận"
        case .sendBack: "trả lại"
        case .reopen: "mở lại"
        }
    }
}
