import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire

/// Flags, scores and dashboards for a unit and everything below it, on a date.
extension TasksAuthority {
    public func flags(_ params: UnitAsOf) async throws -> TasksFlags.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path) }
        let flags = tasks.flatMap { TaskRules.flags(for: $0, asOf: asOf, warningDays: warningDays) }
            .sorted { ($0.level == "red" ? 0 : 1, $0.since, $0.taskId) < ($1.level == "red" ? 0 : 1, $1.since, $1.taskId) }
        return TasksFlags.Result(asOf: asOf, flags: flags)
    }

    public func scores(_ params: UnitAsOf) async throws -> TasksScores.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let children = try await units.children(of: params.unitId)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path) }
        var scored: [UnitScoreInfo] = children.map { child in
            let tally = tasks.filter { $0.leadUnitPath.hasPrefix(child.path) }
                .reduce(into: (due: 0, onTime: 0)) { sum, task in
                    let counted = TaskRules.dueAndOnTime(task, asOf: asOf)
                    sum.due += counted.due
                    sum.onTime += counted.onTime
                }
            let score = TaskRules.score(due: tally.due, onTime: tally.onTime)
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
        return TasksScores.Result(asOf: asOf, formula: TaskRules.formula, units: scored)
    }

    public func dashboard(_ params: UnitAsOf) async throws -> TasksDashboard.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let tasks = try await database.pool.read { db in try TaskQueries.tasks(db, under: path) }
        func count(_ key: String, _ selected: [TaskRecord]) -> CountInfo {
            var byState: [String: Int] = [:]
            var red = 0
            var yellow = 0
            for task in selected {
                byState[task.state.rawValue, default: 0] += 1
                for flag in TaskRules.flags(for: task, asOf: asOf, warningDays: warningDays) {
                    if flag.level == "red" { red += 1 } else { yellow += 1 }
                }
            }
            return CountInfo(key: key, byState: byState, red: red, yellow: yellow)
        }
        let groups = Dictionary(grouping: tasks, by: \.groupCode)
        let leads = Dictionary(grouping: tasks, by: \.leadUnitId)
        return TasksDashboard.Result(
            asOf: asOf, total: count("all", tasks),
            byGroup: groups.keys.sorted(by: TaskRules.groupOrder).map { count($0, groups[$0]!) },
            byUnit: leads.keys.sorted().map { count($0, leads[$0]!) })
    }
}
