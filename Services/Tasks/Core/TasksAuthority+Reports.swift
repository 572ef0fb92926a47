import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Flags, scores and dashboards for a unit and everything below it, on a date.
extension TasksAuthority {
    public func flags(_ params: UnitAsOf) async throws -> TasksFlags.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path, ordered: false) }
        let flags = tasks.flags(on: asOf, warningDays: warningDays).flatMap { $0 }
            .sorted { ($0.level == .red ? 0 : 1, $0.since, $0.taskId) < ($1.level == .red ? 0 : 1, $1.since, $1.taskId) }
        return TasksFlags.Result(asOf: asOf.iso, flags: flags)
    }

    public func scores(_ params: UnitAsOf) async throws -> TasksScores.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let children = try await units.children(of: params.unitId)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path, ordered: false) }
        // One pass: each task counts for the child whose path its lead unit's path starts with.
        var tallies: [String: (due: Int, onTime: Int)] = [:]
        for task in tasks {
            let rest = task.leadUnitPath.dropFirst(path.count)
            guard let slash = rest.firstIndex(of: "/") else { continue }
            let childPath = path + rest[...slash]
            let counted = task.dueAndOnTime(by: asOf)
            tallies[childPath, default: (0, 0)].due += counted.due
            tallies[childPath, default: (0, 0)].onTime += counted.onTime
        }
        var scored: [UnitScoreInfo] = children.map { child in
            let tally = tallies[child.path] ?? (0, 0)
            let score = ScoreFormula.score(dueTasks: tally.due, completedOnTimeWithAcceptedEvidence: tally.onTime)
            return UnitScoreInfo(unitId: child.id, rank: 0, due: tally.due, onTime: tally.onTime, percent: score.percent,
                                 band: score.band, explanation: score.explanation)
        }
        scored.sort { ($0.percent ?? -1, $0.due, $1.unitId) > ($1.percent ?? -1, $1.due, $0.unitId) }
        var rank = 0
        var previous: Double??
        for index in scored.indices {
            if previous == nil || previous! != scored[index].percent { rank = index + 1 }
            scored[index].rank = rank
            previous = .some(scored[index].percent)
        }
        return TasksScores.Result(asOf: asOf.iso, formula: ScoreFormula.text, units: scored)
    }

    public func dashboard(_ params: UnitAsOf) async throws -> TasksDashboard.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path, ordered: false) }
        // Each task's flags are computed once and counted into all three views.
        var total = CountInfo(key: "all", byState: [:], red: 0, yellow: 0)
        var byGroup: [String: CountInfo] = [:]
        var byUnit: [String: CountInfo] = [:]
        func add(_ state: String, red: Int, yellow: Int, to info: inout CountInfo) {
            info.byState[state, default: 0] += 1
            info.red += red
            info.yellow += yellow
        }
        let allFlags = tasks.flags(on: asOf, warningDays: warningDays)
        for (task, flags) in zip(tasks, allFlags) {
            let red = flags.count { $0.level == .red }
            let yellow = flags.count - red
            let state = task.state.rawValue
            add(state, red: red, yellow: yellow, to: &total)
            add(state, red: red, yellow: yellow, to: &byGroup[task.groupCode, default: CountInfo(key: task.groupCode, byState: [:], red: 0, yellow: 0)])
            add(state, red: red, yellow: yellow, to: &byUnit[task.leadUnitId, default: CountInfo(key: task.leadUnitId, byState: [:], red: 0, yellow: 0)])
        }
        return TasksDashboard.Result(
            asOf: asOf.iso, total: total,
            byGroup: byGroup.keys.sorted(by: TaskGroupOrder.precedes).map { byGroup[$0]! },
            byUnit: byUnit.keys.sorted().map { byUnit[$0]! })
    }
}

/// What anyone may see without logging in.
extension TasksAuthority {
    public func publicPlans(_ params: TasksPublic.Params) async throws -> TasksPublic.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let plans = try await listPlans(unitId: params.unitId)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path) }
        let byPlan = Dictionary(grouping: tasks, by: \.planId)
        return TasksPublic.Result(asOf: asOf.iso, plans: plans.map { plan in
            let own = byPlan[plan.id] ?? []
            var byState: [String: Int] = [:]
            for task in own { byState[task.state.rawValue, default: 0] += 1 }
            let completed = own.count { $0.state.isCompleted }
            return PublicPlanInfo(
                number: plan.number, title: plan.title, issuingUnitId: plan.issuingUnitId, issuedOn: plan.issuedOn, groups: plan.groups,
                tasks: own.map { task in
                    PublicTaskInfo(groupCode: task.groupCode, title: task.title, leadUnitId: task.leadUnitId, timeText: task.timeText,
                                   deadline: task.deadline, state: task.state, overdue: task.isOverdue(on: asOf))
                },
                byState: byState, completedPercent: own.isEmpty ? nil : Double(completed) * 100 / Double(own.count))
        })
    }
}
