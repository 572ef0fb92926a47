import Foundation
import GRDB
import NQ57API
import NQ57Calendar
import NQ57Runtime

/// Made-up but plausible KPI data at the scale of a province, for benchmarks: a province
/// with `communes` communes, `indicators` provincial indicators the communes report every
/// month (ratios with numerator and denominator, and counts), and `months` months of
/// accepted values from every commune. Deterministic, so runs compare.
public enum SyntheticKPIs {
    /// The province (`vn-p0`) and its communes (`vn-p0-c0` …).
    public struct Units: UnitLookup {
        let communes: Int

        public func path(of unitId: String) async throws -> String? {
            if unitId == "vn" { return "/vn/" }
            if unitId == "vn-p0" { return "/vn/vn-p0/" }
            guard unitId.hasPrefix("vn-p0-c"), let index = Int(unitId.dropFirst(7)), index < communes else { return nil }
            return "/vn/vn-p0/\(unitId)/"
        }

        public func children(of unitId: String) async throws -> [(id: String, path: String)] {
            switch unitId {
            case "vn": [("vn-p0", "/vn/vn-p0/")]
            case "vn-p0": (0..<communes).map { ("vn-p0-c\($0)", "/vn/vn-p0/vn-p0-c\($0)/") }
            default: []
            }
        }

        /// The whole tree in one answer, as the auth service gives it.
        public func subtree(of unitId: String) async throws -> [UnitNode] {
            guard let path = try await path(of: unitId) else { return [] }
            let parent = unitId == "vn" ? nil : unitId == "vn-p0" ? "vn" : "vn-p0"
            var nodes = [UnitNode(id: unitId, parentId: parent, path: path)]
            if unitId == "vn-p0" || unitId == "vn" {
                if unitId == "vn" { nodes.append(UnitNode(id: "vn-p0", parentId: "vn", path: "/vn/vn-p0/")) }
                nodes += (0..<communes).map { UnitNode(id: "vn-p0-c\($0)", parentId: "vn-p0", path: "/vn/vn-p0/vn-p0-c\($0)/") }
            }
            return nodes
        }
    }

    /// Fills `database` (a fresh metrics database); returns the tree and the number of values.
    public static func build(database: ServiceDatabase, communes: Int, indicators: Int, months: Int, lastMonth: PeriodKey) throws
        -> (Units, Int) {
        var state: UInt64 = 57
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var first = lastMonth
        for _ in 1..<months { first = first.previous }
        var values = 0
        try database.pool.write { db in
            let insertIndicator = try db.makeStatement(sql: """
                INSERT INTO indicators (id, owner_unit_id, owner_unit_path, plan_number, code, name, grp, kind, measure, unit_of_measure,
                    direction, roll_up, reported_by, frequency, baseline, baseline_on, created_at)
                VALUES (?, 'vn-p0', '/vn/vn-p0/', 'BENCH', ?, ?, ?, 'strategic', ?, ?, 'atLeast', ?, 'children', 'month', ?, ?, 0)
                """)
            let insertTarget = try db.makeStatement(sql: """
                INSERT INTO targets (indicator_id, unit_id, milestone, due, target, value) VALUES (?, 'vn-p0', ?, ?, ?, ?)
                """)
            let insertValue = try db.makeStatement(sql: """
                INSERT INTO accepted_values (indicator_id, unit_id, period, version, value, numerator, denominator, accepted_on)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?)
                """)
            let groups = ["Hạ tầng số", "Nguồn lực", "Khoa học công nghệ", "Hệ sinh thái đổi mới sáng tạo", "Chuyển đổi số"]
            for number in 0..<indicators {
                let id = "kpi-bench-\(number)"
                let ratio = number % 3 != 2
                try insertIndicator.execute(arguments: [id, "B-\(number)", "Chỉ tiêu thử \(number)", groups[number % groups.count],
                                                        ratio ? "percent" : "count", ratio ? "%" : "đơn vị",
                                                        ratio ? "weightedRatio" : "sum", ratio ? 20.0 : 0.0, first.start.iso])
                try insertTarget.execute(arguments: [id, "\(lastMonth.year)", "\(lastMonth.year)-12-31", ratio ? "≥ 80" : "≥ 500",
                                                     ratio ? 80.0 : 500.0])
                try insertTarget.execute(arguments: [id, "2030", "2030-12-31", ratio ? "100" : "2000", ratio ? 100.0 : 2000.0])
                for commune in 0..<communes {
                    let strength = next()
                    var period = first
                    for month in 0..<months {
                        let progress = Double(month + 1) / Double(months)
                        let acceptedOn = period.end.adding(days: 5).iso
                        if ratio {
                            let denominator = Double(100 + Int(next() * 900))
                            let share = min(1, 0.2 + progress * (0.3 + 0.6 * strength))
                            let numerator = (denominator * share).rounded()
                            try insertValue.execute(arguments: [id, "vn-p0-c\(commune)", period.key, numerator * 100 / denominator,
                                                                numerator, denominator, acceptedOn])
                        } else {
                            try insertValue.execute(arguments: [id, "vn-p0-c\(commune)", period.key, (progress * 10 * strength).rounded(),
                                                                nil, nil, acceptedOn])
                        }
                        values += 1
                        period = period.next
                    }
                }
            }
        }
        return (Units(communes: communes), values)
    }
}
