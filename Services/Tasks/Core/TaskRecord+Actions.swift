import NQ57API
import ReviewRules
import TasksRules

extension TaskRecord {
    /// What `caller` may do on the task on `today`, as the server will accept it: report
    /// progress while the task is open for work (staff or head at its lead unit or above),
    /// and the review moves the shared workflow allows on its own claim (for a recurring
    /// task, drafting a new period report; each report carries its own actions); and deciding the
    /// deadline (`tasks.setDeadline`) for the roles that reach the plan's issuing unit.
    func actions(for caller: Caller, on today: Day) -> [ItemAction] {
        guard let actor = try? caller.reviewActor(forUnitAt: leadUnitPath) else { return [] }
        var actions: [ItemAction] = []
        if state.isOpenForWork, !actor.roles.isDisjoint(with: [.staff, .head]) { actions.append(.progress) }
        let item = recurrence == nil ? (claim(period: "")?.reviewItem ?? .new) : .new
        actions += ReviewStateMachine.claims.actions(on: item, by: actor, on: today)
        if mayTakeDeadline, caller.holds(TaskDeadlines.deciders, over: planUnitPath) { actions.append(.setDeadline) }
        return actions
    }

    /// Whether a deadline decision may apply to the task now: not recurring, and no claim in review or accepted.
    var mayTakeDeadline: Bool {
        recurrence == nil && !state.isCompleted && state != .submitted
    }

    /// The task's claims as `caller` sees them on `today`, each with its actions.
    func claimInfos(for caller: Caller, on today: Day) -> [ClaimInfo] {
        let actor = try? caller.reviewActor(forUnitAt: leadUnitPath)
        return claims.sorted { $0.period < $1.period }.map { claim in
            ClaimInfo(period: claim.period.isEmpty ? nil : claim.period, state: claim.state, evidenceIds: claim.evidence, note: claim.note,
                      submittedOn: claim.submittedOn,
                      actions: actor.map { ReviewStateMachine.claims.actions(on: claim.reviewItem, by: $0, on: today) } ?? [])
        }
    }
}
