import NQ57API
import TasksRules

extension TaskInfo {
    /// A stored task as `caller` sees it: its flags on `day` (the day asked about) and what
    /// the caller may do on it and its claims `today` (by the service's clock).
    init(_ task: TaskRecord, on day: Day, warningDays: Int, for caller: Caller, today: Day) {
        self.init(id: task.id, planId: task.planId, groupCode: task.groupCode, title: task.title, leadUnitId: task.leadUnitId,
                  cooperatingUnitIds: task.cooperating, output: task.output, timeText: task.timeText, deadline: task.deadline,
                  recurrence: task.recurrence, assignedOn: task.assignedOn, state: task.state, percent: task.percent,
                  overdue: task.isOverdue(on: day), flags: task.flags(on: day, warningDays: warningDays),
                  actions: task.actions(for: caller, on: today), claims: task.claimInfos(for: caller, on: today),
                  statedDeadline: task.statedDeadline, deadlineBasis: task.deadlineBasis, deadlineNote: task.deadlineNote,
                  linkedPlanIds: task.linkedPlanIds, programmes: task.programmes)
    }
}

extension PlanInfo {
    /// A stored plan with its groups in order and how many tasks it has.
    init(_ plan: PlanRecord, groups: [TaskGroupRecord], taskCount: Int) {
        self.init(id: plan.id, number: plan.number, title: plan.title, issuingUnitId: plan.issuingUnitId, issuedOn: plan.issuedOn,
                  implements: plan.implements, period: plan.period,
                  groups: groups.map { TaskGroupInfo(code: $0.code, title: $0.title) }, taskCount: taskCount, programme: plan.programme,
                  escalateAfterDays: plan.escalateAfterDays)
    }
}
