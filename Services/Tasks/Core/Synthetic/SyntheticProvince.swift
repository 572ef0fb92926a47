import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import TasksRules

/// Made-up but plausible data at the scale of a province or the nation, for benchmarks:
/// units in a tree, a plan per commune with its tasks in every state, claims, and months of
/// progress history. Deterministic (a seeded generator), so runs compare.
public enum SyntheticProvince {
    /// The tree the data was built on.
    public struct Units: UnitLookup {
        let paths: [String: String]
        let childrenOf: [String: [(id: String, path: String)]]

        public func path(of unitId: String) async throws -> String? { paths[unitId] }
        public func children(of unitId: String) async throws -> [(id: String, path: String)] { childrenOf[unitId] ?? [] }
    }

    /// What was built.
    public struct Summary: Sendable {
        public var provinces: Int
        public var communes: Int
        public var tasks: Int
        public var events: Int
    }

    /// Fills `database` (a fresh tasks database) with `communes` communes spread over
    /// `provinces` provinces, `tasksPerCommune` tasks each, and `months` monthly progress
    /// reports per task for the first `historyCommunes` communes.
    public static func build(database: ServiceDatabase, provinces: Int, communes: Int, tasksPerCommune: Int, months: Int,
                             historyCommunes: Int, today: String) throws -> (Units, Summary) {
        var generator = SeededGenerator(seed: 57)
        var paths: [String: String] = ["vn": "/vn/"]
        var children: [String: [(id: String, path: String)]] = [:]
        let todayDate = NQ57Clock.parseDay(today)!
        var events = 0
        try database.pool.write { db in
            let insertPlan = try db.makeStatement(sql: """
                INSERT INTO plans (id, number, title, issuing_unit_id, issuing_unit_path, issued_on, implements, created_at)
                VALUES (?, ?, ?, ?, ?, ?, '[]', 0)
                """)
            let insertGroup = try db.makeStatement(sql: "INSERT INTO task_groups (plan_id, code, title, position) VALUES (?, ?, ?, ?)")
            let insertTask = try db.makeStatement(sql: """
                INSERT INTO tasks (id, plan_id, group_code, position, title, lead_unit_id, lead_unit_path, cooperating, output,
                                   time_text, deadline, recurrence, assigned_on, state, percent, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?, ?, ?, ?, ?, ?, 0)
                """)
            let insertClaim = try db.makeStatement(sql: """
                INSERT INTO claims (task_id, period, state, evidence, submitted_on, sent_back_on, decided_on)
                VALUES (?, '', ?, '["ev-1"]', ?, ?, ?)
                """)
            let insertEvent = try db.makeStatement(sql: """
                INSERT INTO task_events (task_id, at, kind, username, percent, note) VALUES (?, ?, 'progress', 'cv', ?, 'Báo cáo tháng')
                """)
            let groups = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
            for province in 0..<provinces {
                let provinceId = "vn-p\(province)"
                let provincePath = "/vn/\(provinceId)/"
                paths[provinceId] = provincePath
                children["vn", default: []].append((provinceId, provincePath))
            }
            for commune in 0..<communes {
                let provinceId = "vn-p\(commune % provinces)"
                let communeId = "\(provinceId)-c\(commune)"
                let communePath = paths[provinceId]! + communeId + "/"
                paths[communeId] = communePath
                children[provinceId, default: []].append((communeId, communePath))
                let planId = "plan-\(commune)"
                try insertPlan.execute(arguments: [planId, "27-KH/ĐU", "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", communeId, communePath, "2025-01-15"])
                for (position, group) in groups.enumerated() {
                    try insertGroup.execute(arguments: [planId, group, "Nhóm \(group)", position])
                }
                for index in 0..<tasksPerCommune {
                    let taskId = "t-\(commune)-\(index)"
                    let recurring = index % 10 == 9
                    let offsetDays = Int.random(in: -540...180, using: &generator)
                    let deadline = NQ57Clock.isoDay(todayDate.addingTimeInterval(Double(offsetDays) * 86_400))
                    let assigned = NQ57Clock.isoDay(todayDate.addingTimeInterval(Double(offsetDays - Int.random(in: 30...365, using: &generator)) * 86_400))
                    let roll = Int.random(in: 0..<100, using: &generator)
                    let state: TaskStatus = recurring ? .inProgress
                        : roll < 40 ? .completedOnTime : roll < 50 ? .completedLate : roll < 75 ? .inProgress
                        : roll < 82 ? .submitted : roll < 88 ? .needsRework : .notStarted
                    let percent = state == .completedOnTime || state == .completedLate ? 100 : Int.random(in: 0...95, using: &generator)
                    try insertTask.execute(arguments: [
                        taskId, planId, groups[index % groups.count], index, "Nhiệm vụ \(index)", communeId, communePath,
                        recurring ? "Thực hiện thường xuyên" : "Hoàn thành trước ngày", recurring ? nil : deadline,
                        recurring ? "month" : nil, assigned, state.rawValue, percent,
                    ])
                    if [.submitted, .needsRework, .completedOnTime, .completedLate].contains(state) {
                        try insertClaim.execute(arguments: [taskId, state.rawValue, deadline, state == .needsRework ? deadline : nil,
                                                            state == .submitted ? nil : deadline])
                    }
                    if commune < historyCommunes {
                        for month in 0..<months {
                            try insertEvent.execute(arguments: [taskId, todayDate.addingTimeInterval(Double(-30 * month) * 86_400).timeIntervalSince1970,
                                                                min(100, percent * (months - month) / months)])
                            events += 1
                        }
                    }
                }
            }
        }
        return (Units(paths: paths, childrenOf: children),
                Summary(provinces: provinces, communes: communes, tasks: communes * tasksPerCommune, events: events))
    }
}

/// A small deterministic generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
