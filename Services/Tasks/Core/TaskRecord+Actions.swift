import NQ57API
import ReviewRules
import TasksRules

extension TaskRecord {
    /// What `caller` may do on the task on `today`, as the server will accept it: report
    /// progress while the task is open for work (staff or head at its lead unit or above),
    /// and the review moves the shared workflow allows on its own claim (for a recurring
    /// task, drafting a new period report; each report carries its own actions).
    func actions(for caller: Caller, on today: Day) -> [ItemAction] {
        guard let actor = try? caller.reviewActor(forUnitAt: leadUnitPath) else { return [] }
        var actions: [ItemAction] = []
        if state.isOpenForWork, !actor.roles.isDisjoint(with: [.staff, .head]) { actions.append(.progress) }
        let item = recurrence == nil ? (claim(period: "")?.reviewItem ?? .new) : .new
        return actions + ReviewStateMachine.claims.actions(on: item, by: actor, on: today)
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
