import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules
import UnitRules

/// The units directly under a unit, and which of them each task counts for.
struct ChildAreas {
    /// The units, with their paths.
    let children: [(id: String, path: String)]
    /// The path of the unit they are under.
    let path: String
    /// Under today's tree: the timeline and today, so a merged child's work counts for its heir.
    let heirsOn: (timeline: UnitTimeline, day: String)?
    private let pathById: [String: String]
    private let idByPath: [String: String]

    init(children: [(id: String, path: String)], under path: String, heirsOn: (timeline: UnitTimeline, day: String)? = nil) {
        self.children = children
        self.path = path
        self.heirsOn = heirsOn
        pathById = Dictionary(children.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        idByPath = Dictionary(children.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The child at `path`.
    func unitId(atPath path: String) -> String? { idByPath[path] }

    /// The path of the child a task led at `leadUnitPath` counts for, or nil when the unit asked about leads it.
    func childPath(of leadUnitPath: String) -> String? {
        let rest = leadUnitPath.dropFirst(path.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        if let heirsOn, let heir = heirsOn.timeline.heir(of: String(rest[..<slash]), on: heirsOn.day), let heirPath = pathById[heir] {
            return heirPath
        }
        return path + rest[...slash]
    }
}

extension TaskReports {
    /// Each unit directly under a unit, scored by the formula asked for (the current one by default)
    /// and ranked: equal scores share a rank (1, 2, 2, 4); units with nothing due and units whose
    /// work a listed unit carries on are listed after, without rank.
    public func scores(_ params: UnitAsOf) async throws -> TasksScores.Result {
        let version = try Self.formulaVersion(params.formulaVersion)
        let found = try await tasks(params.unitId, asOf: params.asOf, programme: params.programme)
        let choice = params.tree ?? .asOf
        let (areas, treeDay, timeline) = try await childAreas(of: params.unitId, path: found.path, day: found.day, tree: choice)
        let units = Self.ranked(areas: areas, tasks: found.tasks, day: found.day, version: version, timeline: timeline)
        return TasksScores.Result(asOf: found.day.iso, formula: version.text, units: units, tree: choice, treeDay: treeDay.iso,
                                  formulaVersion: version, states: found.states)
    }

    /// The formula version asked for, or the current one; an unknown one is refused.
    static func formulaVersion(_ number: Int?) throws -> ScoreFormulaVersion {
        guard let number else { return .current }
        guard let version = ScoreFormulaVersion(rawValue: number) else {
            let known = ScoreFormulaVersion.allCases.map { "\($0.rawValue)" }.joined(separator: ", ")
            throw RPCError(.invalidArgument, "Không có cách tính điểm phiên bản \(number); các phiên bản hiện có: \(known).",
                           details: ["field": "formulaVersion"])
        }
        return version
    }

    /// The children of a unit under the tree asked for, and that tree's day.
    func childAreas(of unitId: String, path: String, day: Day, tree choice: UnitTreeChoice) async throws
        -> (ChildAreas, Day, UnitTimeline) {
        let treeDay = choice == .today ? context.today : day
        let timeline = try await context.units.timeline(under: unitId)
        let children = try await context.units.children(of: unitId, on: treeDay.iso)
        let heirsOn = choice == .today ? (timeline, treeDay.iso) : nil
        return (ChildAreas(children: children, under: path, heirsOn: heirsOn), treeDay, timeline)
    }

    /// Scores and ranks of the children in `areas` from `tasks` on `day`.
    static func ranked(areas: ChildAreas, tasks: [TaskRecord], day: Day, version: ScoreFormulaVersion, timeline: UnitTimeline) -> [UnitScoreInfo] {
        var tallies: [String: ScoreTally] = [:]
        var undated: [String: Int] = [:]
        for task in tasks {
            guard let child = areas.childPath(of: task.leadUnitPath) else { continue }
            task.tally(into: &tallies[child, default: ScoreTally()], by: day)
            if task.deadlineKind == .undetermined, !task.state.isCompleted { undated[child, default: 0] += 1 }
        }
        // A unit is never ranked beside the unit that carries on its work.
        let rankable = Set(timeline.withoutPredecessors(areas.children.map(\.id)))
        var rows: [UnitScoreInfo] = areas.children.map { child in
            let tally = tallies[child.path] ?? ScoreTally()
            let score = ScoreFormula.score(tally, version: version)
            let notRanked: String? = if !rankable.contains(child.id) {
                "Đã thôi tồn tại; đơn vị kế thừa được xếp hạng"
            } else if score.percent == nil {
                "Chưa có nhiệm vụ đến hạn"
            } else {
                nil
            }
            return UnitScoreInfo(unitId: child.id, rank: 0, due: score.due, onTime: score.onTime, percent: score.percent, band: score.band,
                                 explanation: score.explanation, undated: undated[child.path] ?? 0,
                                 reportsDue: tally.reportsDue, reportsOnTime: tally.reportsOnTime, notRanked: notRanked)
        }
        // Ranked on the score people see (tenths of a percent).
        let ranks = CompetitionRanking.ranks(rows.map { row in row.notRanked == nil ? row.percent.map { Int(($0 * 10).rounded()) } : nil })
        for index in rows.indices { rows[index].rank = ranks[index] }
        rows.sort { ($0.rank == 0 ? Int.max : $0.rank, $0.notRanked == nil ? 0 : ($0.percent == nil ? 2 : 1), $0.unitId)
            < ($1.rank == 0 ? Int.max : $1.rank, $1.notRanked == nil ? 0 : ($1.percent == nil ? 2 : 1), $1.unitId) }
        return rows
    }
}
