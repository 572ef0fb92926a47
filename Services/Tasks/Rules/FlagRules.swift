/// Raises the red flags and the yellow warning of a task on a given day.
///
/// - overdue: the deadline has passed and the task is not completed; since the day after
///   the deadline.
/// - behindSchedule: not completed nor submitted, between assignment and deadline, and
///   progress strictly below half the elapsed share of time; since the first day that held
///   with the current progress.
/// - sentBack: the claim is waiting for rework; since the day it was sent back.
/// - dueSoon: not completed nor submitted and the deadline is 0...`warningDays` days away
///   (due today counts); since `warningDays` days before the deadline.
///
/// - noDeadline: not completed and without any deadline (the source states no time and no
///   decision has set one); since the day it was assigned. A yellow warning of its own class.
///
/// A `since` never precedes the day the task was assigned. A task in review
/// (`submitted`) past its deadline is overdue: it is not completed until accepted.
public struct FlagRules: Sendable {
    /// How many days before the deadline the yellow warning starts (7 in the plans).
    public var warningDays: Int = 7

    /// Rules with the given warning window.
    public init(warningDays: Int = 7) {
        self.warningDays = warningDays
    }

    /// The flags `task` carries on `today`, in the order overdue, behindSchedule,
    /// sentBack, dueSoon, noDeadline.
    public func flags(for task: TaskFacts, today: Day) -> [RaisedFlag] {
        [overdue(task, today), behindSchedule(task, today), sentBack(task, today), dueSoon(task, today), noDeadline(task, today)]
            .compactMap { $0 }
    }

    private func noDeadline(_ task: TaskFacts, _ today: Day) -> RaisedFlag? {
        guard task.undetermined, task.deadline == nil, !task.status.isCompleted, task.assignedOn <= today else { return nil }
        return RaisedFlag(
            rule: .noDeadline, since: task.assignedOn,
            detail: "Văn bản không nêu thời hạn; chờ Ban Chỉ đạo hoặc đơn vị ban hành kế hoạch quyết định thời hạn")
    }

    private func overdue(_ task: TaskFacts, _ today: Day) -> RaisedFlag? {
        guard let deadline = task.deadline,
              TaskStateMachine.isOverdue(status: task.status, deadline: deadline, today: today)
        else { return nil }
        let days = deadline.daysUntil(today)
        return RaisedFlag(
            rule: .overdue, since: max(deadline.adding(days: 1), task.assignedOn),
            detail: "Quá hạn \(days) ngày so với hạn \(deadline) mà chưa hoàn thành "
                + "(đang ở trạng thái \(task.status.quoted))")
    }

    private func behindSchedule(_ task: TaskFacts, _ today: Day) -> RaisedFlag? {
        guard let deadline = task.deadline, task.status.isOpenForWork,
              task.assignedOn <= today, today <= deadline
        else { return nil }
        let roadmap = TimeRoadmap(assignedOn: task.assignedOn, deadline: deadline)
        let percent = min(100, max(0, task.percent))
        guard roadmap.isBehind(percent: percent, on: today) else { return nil }
        let elapsed = VietnameseNumber.format(tenths: roadmap.elapsedTenths(on: today), trimZero: true)
        let required = VietnameseNumber.format(tenths: roadmap.requiredTenths(on: today), trimZero: true)
        return RaisedFlag(
            rule: .behindSchedule, since: roadmap.firstBehindDay(percent: percent),
            detail: "Tiến độ \(percent)% trong khi đã qua \(elapsed)% thời gian "
                + "(lộ trình yêu cầu tối thiểu \(required)%)")
    }

    private func sentBack(_ task: TaskFacts, _ today: Day) -> RaisedFlag? {
        guard task.status == .needsRework else { return nil }
        guard let sentBackOn = task.sentBackOn else {
            // Without a recorded day the flag can only be dated from today.
            return RaisedFlag(
                rule: .sentBack, since: max(today, task.assignedOn),
                detail: "Bị trả lại sau thẩm định, chờ đơn vị hoàn thiện và gửi lại")
        }
        return RaisedFlag(
            rule: .sentBack, since: max(sentBackOn, task.assignedOn),
            detail: "Bị trả lại sau thẩm định ngày \(sentBackOn), chờ đơn vị hoàn thiện và gửi lại")
    }

    private func dueSoon(_ task: TaskFacts, _ today: Day) -> RaisedFlag? {
        guard let deadline = task.deadline, task.status.isOpenForWork else { return nil }
        let daysLeft = today.daysUntil(deadline)
        guard daysLeft >= 0, daysLeft <= warningDays else { return nil }
        let detail = daysLeft == 0
            ? "Đến hạn hôm nay (\(deadline)) mà chưa gửi hoàn thành"
            : "Còn \(daysLeft) ngày đến hạn \(deadline) mà chưa gửi hoàn thành"
        return RaisedFlag(
            rule: .dueSoon, since: max(deadline.adding(days: -warningDays), task.assignedOn), detail: detail)
    }
}
