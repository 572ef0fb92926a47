import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Flags, scores and dashboards of a unit and everything below it, on a day: `tasks.flags`,
/// `tasks.scores`, `tasks.dashboard`.
public struct TaskReports: Sendable {
    let context: TasksContext

    /// Reports over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the report methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let reports = TaskReports(context)
        routes.on(TasksFlags.self) { params, _ in try await reports.flags(params) }
        routes.on(TasksScores.self) { params, _ in try await reports.scores(params) }
        routes.on(TasksDashboard.self) { params, _ in try await reports.dashboard(params) }
    }

    /// The tasks led at or below the unit asked about, of its programme if one is named (unordered:
    /// the reports aggregate or sort them; a task linked into several plans is there once), and the day asked about.
    private func tasks(_ params: UnitAsOf) async throws -> (path: String, day: Day, tasks: [TaskRecord]) {
        let path = try await context.unitPath(params.unitId)
        let day = try context.day(params.asOf)
        let programme = try await context.programmeFilter(params.programme)
        let tasks = try await context.database.pool.read { db in
            try TaskRecord.all(db, under: path, programme: programme, ordered: false)
        }
        return (path, day, tasks)
    }

    /// Red flags first, then warnings, each by the day they were raised.
    public func flags(_ params: UnitAsOf) async throws -> TasksFlags.Result {
        let (path, day, tasks) = try await tasks(params)
        let unanswered = try await context.database.pool.read { db in try Explanations.overdueFlags(db, under: path, on: day) }
        let flags = (tasks.flags(on: day, warningDays: context.warningDays).flatMap { $0 } + unanswered)
            .sorted { ($0.level == .red ? 0 : 1, $0.since, $0.taskId) < ($1.level == .red ? 0 : 1, $1.since, $1.taskId) }
        return TasksFlags.Result(asOf: day.iso, flags: flags)
    }

    /// Each unit directly under a unit, scored by `ScoreFormula` and ranked (ties share a rank).
    public func scores(_ params: UnitAsOf) async throws -> TasksScores.Result {
        let (path, day, tasks) = try await tasks(params)
        let choice = params.tree ?? .asOf
        let treeDay = choice == .today ? context.today : day
        let timeline = try await context.units.timeline(under: params.unitId)
        let children = try await context.units.children(of: params.unitId, on: treeDay.iso)
        let childPaths = Dictionary(children.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        // One pass: each task counts for the child whose path its lead unit's path starts with
        // (under today's tree, for the unit a merged child's work went to).
        // Tasks without a deadline are never due: counted beside the score, not in it.
        var tallies: [String: (due: Int, onTime: Int, undated: Int)] = [:]
        for task in tasks {
            let rest = task.leadUnitPath.dropFirst(path.count)
            guard let slash = rest.firstIndex(of: "/") else { continue }
            var childPath = path + rest[...slash]
            if choice == .today, let heir = timeline.heir(of: String(rest[..<slash]), on: treeDay.iso), let heirPath = childPaths[heir] {
                childPath = heirPath
            }
            let counted = task.dueAndOnTime(by: day)
            tallies[childPath, default: (0, 0, 0)].due += counted.due
            tallies[childPath, default: (0, 0, 0)].onTime += counted.onTime
            if task.deadlineKind == .undetermined, !task.state.isCompleted { tallies[childPath, default: (0, 0, 0)].undated += 1 }
        }
        var scored: [UnitScoreInfo] = children.map { child in
            let tally = tallies[child.path] ?? (0, 0, 0)
            let score = ScoreFormula.score(dueTasks: tally.due, completedOnTimeWithAcceptedEvidence: tally.onTime)
            return UnitScoreInfo(unitId: child.id, rank: 0, due: tally.due, onTime: tally.onTime, percent: score.percent,
                                 band: score.band, explanation: score.explanation, undated: tally.undated)
        }
        // A unit is never ranked beside the unit that carries on its work: the predecessor goes last, without rank.
        let rankable = Set(timeline.withoutPredecessors(children.map(\.id)))
        scored.sort { (rankable.contains($0.unitId) ? 1 : 0, $0.percent ?? -1, $0.due, $1.unitId)
            > (rankable.contains($1.unitId) ? 1 : 0, $1.percent ?? -1, $1.due, $0.unitId) }
        var rank = 0
        var previous: Double??
        for index in scored.indices where rankable.contains(scored[index].unitId) {
            if previous == nil || previous! != scored[index].percent { rank = index + 1 }
            scored[index].rank = rank
            previous = .some(scored[index].percent)
        }
        return TasksScores.Result(asOf: day.iso, formula: ScoreFormula.text, units: scored, tree: choice, treeDay: treeDay.iso)
    }

    /// Counts of tasks by state and of flags: overall, by task group, by lead unit.
    public func dashboard(_ params: UnitAsOf) async throws -> TasksDashboard.Result {
        let (_, day, tasks) = try await tasks(params)
        // Each task's flags are computed once and counted into all three views.
        var total = CountInfo(key: "all", byState: [:], red: 0, yellow: 0)
        var byGroup: [String: CountInfo] = [:]
        var byUnit: [String: CountInfo] = [:]
        var byProgramme: [String: CountInfo] = [:]
        func add(_ state: String, red: Int, yellow: Int, undated: Int, to info: inout CountInfo) {
            info.byState[state, default: 0] += 1
            info.red += red
            info.yellow += yellow
            info.undated += undated
        }
        let allFlags = tasks.flags(on: day, warningDays: context.warningDays)
        for (task, flags) in zip(tasks, allFlags) {
            // Tasks without a deadline are their own class: counted apart, neither red nor a near deadline.
            let red = flags.count { $0.level == .red }
            let undated = flags.count { $0.rule == .noDeadline }
            let yellow = flags.count - red - undated
            let state = task.state.rawValue
            add(state, red: red, yellow: yellow, undated: undated, to: &total)
            add(state, red: red, yellow: yellow, undated: undated,
                to: &byGroup[task.groupCode, default: CountInfo(key: task.groupCode, byState: [:], red: 0, yellow: 0)])
            add(state, red: red, yellow: yellow, undated: undated,
                to: &byUnit[task.leadUnitId, default: CountInfo(key: task.leadUnitId, byState: [:], red: 0, yellow: 0)])
            for programme in task.programmes {
                add(state, red: red, yellow: yellow, undated: undated,
                    to: &byProgramme[programme, default: CountInfo(key: programme, byState: [:], red: 0, yellow: 0)])
            }
        }
        return TasksDashboard.Result(
            asOf: day.iso, total: total,
            byGroup: byGroup.keys.sorted(by: TaskGroupOrder.precedes).compactMap { byGroup[$0] },
            byUnit: byUnit.keys.sorted().compactMap { byUnit[$0] },
            byProgramme: byProgramme.keys.sorted().compactMap { byProgramme[$0] })
    }
}
