import Foundation
import MetricsRules
import NQ57Calendar
import NQ57API
import NQ57Wire

/// A KPI row of a plan file (`seeds/plans/*.json`, `indicators[]`).
struct SeedIndicator: Decodable {
    var group: String
    var code: String
    var name: String?
    var unitOfMeasure: String?
    var direction: Direction?
    var targets: [String: String?]
    var target: String?
    var deadline: String?
    var trackingText: String?
    var sourceLine: Int?
    var note: String?

    /// What it measures, read from its unit of measure: "%" is a percentage, a counted noun a
    /// count, a bare "Chỉ số …" an index, a thing to achieve done/not done.
    var measure: Measure {
        if direction == .done { return .done }
        if unitOfMeasure == "%" { return .percent }
        if unitOfMeasure == nil, name?.hasPrefix("Chỉ số") == true { return .index }
        return .count
    }

    /// How values from the units below add up: counts sum; ratios, indexes and done/not done
    /// are the reporting unit's own (the plans say nothing about weighing them).
    var rollUp: RollUpRule { measure == .count ? .sum : .none }

    /// Milestone → target as written (nil: unknown): years of the KPI table, or the plan's date.
    var milestones: [(String, String?)] {
        if let deadline { return [(deadline, target)] }
        return targets.keys.sorted().map { ($0, targets[$0] ?? nil) }
    }
}

/// Loads a plan's KPI rows into the metrics service, idempotently.
struct SeedIndicatorLoader {
    let client: RPCClient
    let token: String

    /// What a load did.
    struct Outcome {
        /// Indicators created and targets set.
        var changes = 0
        /// Indicators of the plan now in the metrics service.
        var loaded = 0
        /// Rows (or targets) it could not load, with why.
        var skipped: [String] = []
    }

    /// Creates the indicators the plan lacks and sets the targets that differ.
    func load(_ rows: [SeedIndicator], plan: SeedCommand.SeedPlan.Plan, frequency: Period) async throws -> Outcome {
        let existing = try await client.call(MetricsIndicatorList.self, .init(unitId: plan.issuingUnitId, planNumber: plan.number),
                                             token: token).indicators
        var byCode = Dictionary(existing.filter { $0.ownerUnitId == plan.issuingUnitId }.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var outcome = Outcome()
        for row in rows {
            let line = "dòng \(row.sourceLine.map(String.init) ?? "?") (\(row.code))"
            guard let name = row.name else {
                outcome.skipped.append("\(line): tên chỉ tiêu không đọc được trong bản gốc"); continue
            }
            guard let direction = row.direction else {
                outcome.skipped.append("\(line): không rõ chiều đánh giá (ô bị OCR làm hỏng)"); continue
            }
            var indicator: IndicatorInfo
            if let found = byCode[row.code] {
                indicator = found
            } else {
                indicator = try await client.call(MetricsIndicatorCreate.self, .init(
                    ownerUnitId: plan.issuingUnitId, planNumber: plan.number, code: row.code, name: name, group: row.group,
                    measure: row.measure, unitOfMeasure: row.unitOfMeasure, direction: direction, rollUp: row.rollUp,
                    frequency: frequency, trackingText: row.trackingText, baselineOn: plan.issuedOn, sourceLine: row.sourceLine,
                    note: row.note), token: token)
                byCode[row.code] = indicator
                outcome.changes += 1
            }
            outcome.loaded += 1
            for (milestone, target) in row.milestones {
                let current = indicator.targets.first { $0.unitId == plan.issuingUnitId && $0.milestone == milestone }
                if let current, current.target == target { continue }
                do {
                    indicator = try await client.call(MetricsTargetSet.self, .init(indicatorId: indicator.id, unitId: plan.issuingUnitId,
                                                                                  milestone: milestone, target: target,
                                                                                  note: target == nil ? "Không đọc được trong bản gốc" : nil),
                                                      token: token)
                    outcome.changes += 1
                } catch let error as RPCError where error.code == .invalidArgument {
                    outcome.skipped.append("\(line), mốc \(milestone): \(error.message)")
                }
            }
        }
        return outcome
    }
}
