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
            let groups = ["Hạ tầng số", "Nguồn lực", "Khoa học công nghệ", "Hệ sinh thái đổi mới sáng tạo", "Chuyển đổi số"]
            for number in 0..<indicators {
                let id = "kpi-bench-\(number)"
                let ratio = number % 3 != 2
                try IndicatorRow(id: id, ownerUnitId: "vn-p0", ownerUnitPath: "/vn/vn-p0/", planNumber: "BENCH", code: "B-\(number)",
                                 name: "Chỉ tiêu thử \(number)", group: groups[number % groups.count], kind: .strategic,
                                 measure: ratio ? .percent : .count, unitOfMeasure: ratio ? "%" : "đơn vị", direction: .atLeast,
                                 rollUp: ratio ? .weightedRatio : .sum, reportedBy: .children, frequency: .month,
                                 baseline: ratio ? 20.0 : 0.0, baselineOn: first.start.iso, createdAt: 0).insert(db)
                try TargetRow(indicatorId: id, unitId: "vn-p0", milestone: "\(lastMonth.year)", due: "\(lastMonth.year)-12-31",
                              target: ratio ? "≥ 80" : "≥ 500", value: ratio ? 80.0 : 500.0).insert(db)
                try TargetRow(indicatorId: id, unitId: "vn-p0", milestone: "2030", due: "2030-12-31", target: ratio ? "100" : "2000",
                              value: ratio ? 100.0 : 2000.0).insert(db)
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
                            try AcceptedValueRow(indicatorId: id, unitId: "vn-p0-c\(commune)", period: period.key, version: 1,
                                                 value: numerator * 100 / denominator, numerator: numerator, denominator: denominator,
                                                 acceptedOn: acceptedOn).insert(db)
                        } else {
                            try AcceptedValueRow(indicatorId: id, unitId: "vn-p0-c\(commune)", period: period.key, version: 1,
                                                 value: (progress * 10 * strength).rounded(), acceptedOn: acceptedOn).insert(db)
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
