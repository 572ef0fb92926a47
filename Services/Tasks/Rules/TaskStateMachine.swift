import Foundation

/// The legal moves of a task's status.
///
/// | from | progress | submit | accept | sendBack | reopen |
/// | --- | --- | --- | --- | --- | --- |
/// | notStarted | inProgress | submitted | – | – | – |
/// | inProgress | inProgress | submitted | – | – | – |
/// | submitted | – | – | completedOnTime / completedLate | needsRework | – |
/// | needsRework | needsRework | submitted | – | – | – |
/// | completedOnTime | – | – | – | – | inProgress |
/// | completedLate | – | – | – | – | inProgress |
///
/// The status is checked first; then the event's values (percent in 0...100, at least one
/// piece of evidence, a reason that is not blank).
public struct TaskStateMachine: Sendable {
    /// The status after `event`, or an error saying which move was refused and why.
    ///
    /// `deadline` is the task's due day, `nil` for a task without one (recurring): an
    /// accepted claim is on time when it was submitted on or before the deadline.
    public static func apply(_ event: TaskEvent, to status: TaskStatus, deadline: Day?) throws(TransitionError) -> TaskStatus {
        switch event {
        case .progress(let percent):
            guard status.isOpenForWork else { throw illegal(event, from: status) }
            guard (0...100).contains(percent) else {
                throw invalid(event, from: status, "Không thể cập nhật tiến độ \(percent)%: tiến độ phải từ 0 đến 100%.")
            }
            return status == .needsRework ? .needsRework : .inProgress
        case .submit(let evidenceCount, _):
            guard status.isOpenForWork else { throw illegal(event, from: status) }
            guard evidenceCount >= 1 else {
                throw invalid(event, from: status,
                              "Không thể gửi hoàn thành nhiệm vụ khi chưa có minh chứng: cần ít nhất 1 minh chứng.")
            }
            return .submitted
        case .accept(let submittedOn):
            guard status == .submitted else { throw illegal(event, from: status) }
            guard let deadline, submittedOn > deadline else { return .completedOnTime }
            return .completedLate
        case .sendBack(let reason):
            guard status == .submitted else { throw illegal(event, from: status) }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw invalid(event, from: status,
                              "Không thể trả lại nhiệm vụ khi chưa nêu lý do: cần ghi rõ lý do để đơn vị hoàn thiện.")
            }
            return .needsRework
        case .reopen:
            guard status.isCompleted else { throw illegal(event, from: status) }
            return .inProgress
        }
    }

    /// Whether a task is overdue on `today`: it has a deadline, the deadline has passed
    /// (today is at least the day after it), and it is not completed.
    public static func isOverdue(status: TaskStatus, deadline: Day?, today: Day) -> Bool {
        guard let deadline, !status.isCompleted else { return false }
        return today > deadline
    }

    /// The refusal of `event` from a status that does not allow it.
    private static func illegal(_ event: TaskEvent, from status: TaskStatus) -> TransitionError {
        let open = [TaskStatus.notStarted, .inProgress, .needsRework].map(\.quoted)
        let openList = "\(open[0]), \(open[1]) hoặc \(open[2])"
        let (action, rule): (String, String) = switch event {
        case .progress:
            ("cập nhật tiến độ", "chỉ nhiệm vụ \(openList) mới được cập nhật tiến độ")
        case .submit:
            ("gửi hoàn thành", "chỉ nhiệm vụ \(openList) mới được gửi hoàn thành")
        case .accept, .sendBack:
            ("thẩm định", "chỉ nhiệm vụ \(TaskStatus.submitted.quoted) mới được chấp nhận hoặc trả lại")
        case .reopen:
            ("mở lại",
             "chỉ nhiệm vụ \(TaskStatus.completedOnTime.quoted) hoặc \(TaskStatus.completedLate.quoted) mới được mở lại")
        }
        return TransitionError(
            from: status, event: event.name, kind: .illegalTransition,
            message: "Không thể \(action) nhiệm vụ đang ở trạng thái \(status.quoted): \(rule).")
    }

    /// The refusal of `event` for a bad value it carries.
    private static func invalid(_ event: TaskEvent, from status: TaskStatus, _ message: String) -> TransitionError {
        TransitionError(from: status, event: event.name, kind: .invalidArgument, message: message)
    }
}

extension TaskStatus {
    /// The display name in quotation marks, for messages.
    var quoted: String { "\"\(displayName)\"" }
}
