import NQ57API
import TasksRules

extension TaskRecord {
    /// What the task's lead unit still owes on `day` that is due within 7 days or overdue: the
    /// task's one deadline while it is not submitted nor completed; for a recurring task, the
    /// report of the period just ended and of the current one, while not submitted.
    func dueItems(on day: Day, plan: PlanRecord?) -> [DueItem] {
        func item(_ due: Day, period: PeriodKey?) -> DueItem {
            DueItem(kind: .task, itemId: id, period: period?.key,
                    title: period.map { "\(title) — báo cáo \($0.displayName)" } ?? title,
                    unitId: leadUnitId, unitPath: leadUnitPath, dueOn: due.iso, planNumber: plan?.number, planUnitId: plan?.issuingUnitId)
        }
        guard let assigned = Day(iso: assignedOn), assigned <= day else { return [] }
        if let recurrence {
            let delivered: Set<String> = Set(claims.filter { [.submitted, .completedOnTime, .completedLate].contains($0.state) }.map(\.period))
            let current = PeriodKey.containing(day, period: recurrence)
            let first = PeriodKey.containing(assigned, period: recurrence)
            return [current.previous, current]
                .filter { $0 >= first && !delivered.contains($0.key) && day.daysUntil($0.end) <= 7 }
                .map { item($0.end, period: $0) }
        }
        guard let due = deadline.flatMap(Day.init(iso:)), state.isOpenForWork, day.daysUntil(due) <= 7 else { return [] }
        return [item(due, period: nil)]
    }
}
