import NQ57API
import NQ57Calendar
import ReviewRules
import TasksRules

extension TaskRecord {
    /// What the task's lead unit owes on `today`, for "Việc của tôi": each claim sent back (with
    /// `reasons[period]`, the last send-back's reason) and each draft not yet submitted; for a task
    /// with a deadline, the deadline while the task is open and nothing is drafted; for a recurring
    /// task, the ended periods without any report (one row from the earliest, with their count)
    /// and the current period while it has none. `actor` decides the actions offered.
    func workItems(on today: Day, reasons: [String: String], actor: ReviewActor?) -> [MyWorkItem] {
        guard let assigned = Day(iso: assignedOn), assigned <= today else { return [] }
        func item(_ section: WorkSection, period: PeriodKey?, due: Day?, claim: ClaimRecord?, missed: Int? = nil) -> MyWorkItem {
            let review = claim?.reviewItem ?? .new
            return MyWorkItem(section: section, kind: .task, itemId: id, period: period?.key,
                              unitId: leadUnitId, title: period.map { "\(title) — báo cáo \($0.displayName)" } ?? title,
                              dueOn: due?.iso, daysLate: due.map { MyWork.daysLate($0, today: today) } ?? 0, missedPeriods: missed,
                              reason: section == .sentBack ? reasons[claim?.period ?? ""] : nil,
                              sentBackOn: section == .sentBack ? claim?.sentBackOn : nil,
                              actions: actor.map { ReviewStateMachine.claims.actions(on: review, by: $0, on: today) } ?? [])
        }
        var items: [MyWorkItem] = []
        for claim in claims {
            let period = PeriodKey(key: claim.period)
            let due = period?.end ?? deadline.flatMap(Day.init(iso:))
            switch claim.reviewItem.state {
            case .sentBack?: items.append(item(.sentBack, period: period, due: due, claim: claim))
            case .draft?: items.append(item(.draft, period: period, due: due, claim: claim))
            default: break
            }
        }
        guard let recurrence else {
            if claims.isEmpty, state.isOpenForWork, let due = deadline.flatMap(Day.init(iso:)) {
                items.append(item(due < today ? .overdue : .due, period: nil, due: due, claim: nil))
            }
            return items
        }
        let claimed = Set(claims.compactMap { PeriodKey(key: $0.period) })
        let missing = FlagRules().missingReports(period: recurrence, assignedOn: assigned, reportedPeriods: claimed, today: today)
        if let first = missing.first {
            items.append(item(.overdue, period: first, due: first.end, claim: nil, missed: missing.count))
        }
        let current = PeriodKey.containing(today, period: recurrence)
        if !claimed.contains(current) { items.append(item(.due, period: current, due: current.end, claim: nil)) }
        return items
    }
}
