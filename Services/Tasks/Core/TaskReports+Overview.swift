import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

extension TaskReports {
    /// What a leader reads first about a unit and everything below it on a day, in one answer: the
    /// headline figures, the units directly under it ranked by red flags then score ("where to act"),
    /// the flags grouped by unit and rule (a recurring task's missing periods as one item), and a
    /// monthly trend. Past days use states replayed from the history.
    public func overview(_ params: OverviewParams) async throws -> TasksOverview.Result {
        let months = try TrendMonths.count(params.months)
        if let planId = params.planId, try await context.database.pool.read({ db in try PlanRecord.find(db, id: planId) }) == nil {
            throw RPCError(.notFound, "Không có kế hoạch \"\(planId)\".", details: ["field": "planId"])
        }
        let found = try await tasks(params.unitId, asOf: params.asOf, programme: params.programme, planId: params.planId, withHistory: true)
        let day = found.day
        let groupCode = params.groupCode
        let tasks = groupCode.map { code in found.tasks.filter { $0.groupCode == code } } ?? found.tasks
        let (areas, _, timeline) = try await childAreas(of: params.unitId, path: found.path, day: day, tree: .asOf)
        let version = ScoreFormulaVersion.current
        let scores = Self.ranked(areas: areas, tasks: tasks, day: day, version: version, timeline: timeline)

        var summary = OverviewTally()
        var byChild: [String: OverviewTally] = [:]
        var groups = FlagGroups()
        let taskFlags = tasks.flags(on: day, warningDays: context.warningDays)
        for (task, flags) in zip(tasks, taskFlags) {
            let area = areas.childPath(of: task.leadUnitPath)
            summary.add(task, flags: flags, on: day)
            if let area { byChild[area, default: OverviewTally()].add(task, flags: flags, on: day) }
            let areaId = area.flatMap { areas.unitId(atPath: $0) } ?? params.unitId
            for flag in flags where params.rule == nil || params.rule == flag.rule {
                groups.add(flag, area: areaId, recurrence: task.recurrence)
            }
        }
        // Requests for explanation left unanswered are red flags of their own, on the unit asked.
        let taskIds = Set(tasks.map(\.id))
        let unanswered = try await context.database.pool.read { db in try Explanations.overdueFlags(db, under: found.path, on: day) }
        for flag in unanswered where flag.unitId == params.unitId || taskIds.contains(flag.taskId) {
            summary.count(flag)
            let leadPath = tasks.first { $0.id == flag.taskId }?.leadUnitPath
            let area = leadPath.flatMap { areas.childPath(of: $0) }
            if let area { byChild[area, default: OverviewTally()].count(flag) }
            if params.rule == nil || params.rule == flag.rule {
                groups.add(flag, area: area.flatMap { areas.unitId(atPath: $0) } ?? params.unitId)
            }
        }

        let scoreById = Dictionary(scores.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = areas.children.compactMap { child -> OverviewUnitRow? in
            guard let score = scoreById[child.id] else { return nil }
            let tally = byChild[child.path] ?? OverviewTally()
            return OverviewUnitRow(unitId: child.id, tasks: tally.tasks, red: tally.red, redByRule: tally.redByRule, yellow: tally.yellow,
                                   waitingReview: tally.waitingReview, score: score)
        }.sorted(by: Self.needsActionFirst)

        return TasksOverview.Result(asOf: day.iso, states: found.states, headline: summary.headline, units: rows,
                                    flagGroups: groups.sorted, trend: trend(found, groupCode: groupCode, months: months),
                                    formulaVersion: version.rawValue, formula: version.text)
    }

    /// Most red flags first; among equals the lowest score first, units without a score last.
    static func needsActionFirst(_ a: OverviewUnitRow, _ b: OverviewUnitRow) -> Bool {
        if a.red != b.red { return a.red > b.red }
        switch (a.score.percent, b.score.percent) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.unitId < b.unitId
        }
    }

    /// One row per month up to the day's month: tasks due and on time, red flags open, each at the month's end.
    private func trend(_ found: ReportTasks, groupCode: String?, months: Int) -> [OverviewMonth] {
        return TrendMonths.ending(at: found.day, count: months).map { month in
            let day = min(month.end, found.day)
            let all = found.tasks(on: day)
            let tasks = groupCode.map { code in all.filter { $0.groupCode == code } } ?? all
            var tally = ScoreTally()
            for task in tasks { task.tally(into: &tally, by: day) }
            let red = tasks.flags(on: day, warningDays: context.warningDays).reduce(0) { sum, flags in sum + flags.count { $0.level == .red } }
            return OverviewMonth(month: String(month.key.prefix(7)), day: day.iso, tasksDue: tally.tasksDue, tasksOnTime: tally.tasksOnTime,
                                 onTimePercent: TrendMonths.percent(tally.tasksOnTime, of: tally.tasksDue), red: red)
        }
    }
}

/// The counts behind the headline, or behind one unit's row.
struct OverviewTally {
    var tasks = 0
    var byState: [String: Int] = [:]
    var score = ScoreTally()
    var redByRule: [String: Int] = [:]
    var red = 0
    var yellow = 0
    var undated = 0
    var waitingReview = 0

    /// Counts a task and its flags on `day`.
    mutating func add(_ task: TaskRecord, flags: [FlagInfo], on day: Day) {
        tasks += 1
        byState[task.state.rawValue, default: 0] += 1
        task.tally(into: &score, by: day)
        waitingReview += task.claims.count { $0.state == .submitted }
        for flag in flags { count(flag) }
    }

    /// Counts one flag.
    mutating func count(_ flag: FlagInfo) {
        if flag.level == .red {
            red += 1
            redByRule[flag.rule.rawValue, default: 0] += 1
        } else if flag.rule == .noDeadline {
            undated += 1
        } else {
            yellow += 1
        }
    }

    var headline: OverviewHeadline {
        OverviewHeadline(tasks: tasks, byState: byState, tasksDue: score.tasksDue, tasksOnTime: score.tasksOnTime,
                         onTimePercent: TrendMonths.percent(score.tasksOnTime, of: score.tasksDue), reportsDue: score.reportsDue,
                         reportsOnTime: score.reportsOnTime, reportsMissing: redByRule[FlagRule.missingReport.rawValue] ?? 0,
                         redByRule: redByRule, red: red, yellow: yellow, undated: undated, waitingReview: waitingReview)
    }
}

/// Flags grouped by area, answering unit and rule; one item per task, a recurring task's missing
/// periods collapsed into one ("thiếu 9 kỳ báo cáo, từ 11/2025").
struct FlagGroups {
    private struct Key: Hashable {
        let area: String
        let unit: String
        let rule: FlagRule
    }
    private var flags: [Key: [FlagInfo]] = [:]
    private var recurrences: [String: Period] = [:]

    /// Adds a flag of a task led in `area`; `recurrence` names a recurring task's periods.
    mutating func add(_ flag: FlagInfo, area: String, recurrence: Period? = nil) {
        flags[Key(area: area, unit: flag.unitId, rule: flag.rule), default: []].append(flag)
        if let recurrence { recurrences[flag.taskId] = recurrence }
    }

    /// Red groups first, most flags first.
    var sorted: [OverviewFlagGroup] {
        flags.map { key, flags in
            var byTask: [String: [FlagInfo]] = [:]
            for flag in flags { byTask[flag.taskId, default: []].append(flag) }
            let items = byTask.values.map { Self.item($0, rule: key.rule, recurrence: recurrences[$0[0].taskId]) }.sorted { ($0.since, $0.taskId) < ($1.since, $1.taskId) }
            return OverviewFlagGroup(areaUnitId: key.area, unitId: key.unit, rule: key.rule, count: flags.count, items: items)
        }
        .sorted { ($0.level == .red ? 0 : 1, -$0.count, $0.areaUnitId, $0.unitId, $0.rule.rawValue)
            < ($1.level == .red ? 0 : 1, -$1.count, $1.areaUnitId, $1.unitId, $1.rule.rawValue) }
    }

    /// One task's flags of one rule as one item.
    private static func item(_ flags: [FlagInfo], rule: FlagRule, recurrence: Period?) -> OverviewFlagItem {
        let first = flags.min { $0.since < $1.since }!
        guard rule == .missingReport, flags.count > 1 else {
            return OverviewFlagItem(taskId: first.taskId, taskTitle: first.taskTitle, since: first.since, detail: first.detail, count: flags.count)
        }
        // A period's report is missing from the day after the period ends.
        let start = Day(iso: first.since).map { PeriodKey.containing($0.adding(days: -1), period: recurrence ?? .month) }
        let from = start.map { $0.period == .month ? String(format: "%02d/%d", $0.index, $0.year) : $0.displayName } ?? first.since
        return OverviewFlagItem(taskId: first.taskId, taskTitle: first.taskTitle, since: first.since,
                                detail: "Thiếu \(flags.count) kỳ báo cáo, từ \(from)", count: flags.count)
    }
}
