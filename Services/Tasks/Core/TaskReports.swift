import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Flags, scores, dashboards and the overview of a unit and everything below it, on a day:
/// `tasks.flags`, `tasks.scores` (TaskReports+Scores), `tasks.dashboard`, `tasks.overview` (TaskReports+Overview).
/// A past day's task states are replayed from the history.
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
        routes.on(TasksOverview.self) { params, _ in try await reports.overview(params) }
    }

    /// The tasks led at or below the unit asked about, of its programme (and plan) if one is named
    /// (unordered: the reports aggregate or sort them; a task linked into several plans is there once),
    /// as they stood at the end of the day asked about, and how those states were found.
    /// `withHistory` loads every task's history even for today (for a trend over past days).
    func tasks(_ unitId: String, asOf: String?, programme: String?, planId: String? = nil, withHistory: Bool = false) async throws -> ReportTasks {
        let path = try await context.unitPath(unitId)
        let day = try context.day(asOf)
        let programme = try await context.programmeFilter(programme)
        let past = day < context.today
        let (tasks, events) = try await context.database.pool.read { db in
            (try TaskRecord.all(db, under: path, planId: planId, programme: programme, ordered: false),
             past || withHistory ? try ReplayEvent.all(db, under: path) : [:])
        }
        guard past || withHistory else {
            return ReportTasks(path: path, day: day, tasks: tasks, history: nil, states: TasksAsOf.current(on: day))
        }
        // A past day: today's accepts and send-backs must not count for it; each task's history is replayed.
        let history = TasksAsOf(tasks, events: events)
        return ReportTasks(path: path, day: day, tasks: past ? history.tasks(on: day) : tasks, history: history,
                           states: past ? history.info(on: day) : TasksAsOf.current(on: day))
    }

    /// Red flags first, then warnings, each by the day they were raised.
    public func flags(_ params: UnitAsOf) async throws -> TasksFlags.Result {
        let found = try await tasks(params.unitId, asOf: params.asOf, programme: params.programme)
        let (path, day) = (found.path, found.day)
        let unanswered = try await context.database.pool.read { db in try Explanations.overdueFlags(db, under: path, on: day) }
        let flags = (found.tasks.flags(on: day, warningDays: context.warningDays).flatMap { $0 } + unanswered)
            .sorted { ($0.level == .red ? 0 : 1, $0.since, $0.taskId) < ($1.level == .red ? 0 : 1, $1.since, $1.taskId) }
        return TasksFlags.Result(asOf: day.iso, flags: flags, states: found.states)
    }

    /// Counts of tasks by state and of flags: overall, by task group, by lead unit.
    public func dashboard(_ params: UnitAsOf) async throws -> TasksDashboard.Result {
        let found = try await tasks(params.unitId, asOf: params.asOf, programme: params.programme)
        let (day, tasks) = (found.day, found.tasks)
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
            byProgramme: byProgramme.keys.sorted().compactMap { byProgramme[$0] }, states: found.states)
    }
}

/// The tasks a report counts, on its day.
struct ReportTasks {
    /// The path of the unit asked about.
    let path: String
    let day: Day
    /// The tasks as they stood at the end of `day`.
    let tasks: [TaskRecord]
    /// For a past day: the tasks with their history, to rebuild other days (the trend); nil for today.
    let history: TasksAsOf?
    let states: StatesAsOfInfo

    /// The tasks at the end of `other` (a day at most `day`): replayed when the history was loaded.
    func tasks(on other: Day) -> [TaskRecord] {
        guard other != day, let history else { return tasks }
        return history.tasks(on: other)
    }
}
