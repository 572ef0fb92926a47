import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// Defining indicators and their targets, and reading them back.
extension MetricsAuthority {
    public func createIndicator(_ params: MetricsIndicatorCreate.Params, caller: Caller) async throws -> IndicatorInfo {
        guard let code = Self.normalized(params.code) else {
            throw RPCError(.invalidArgument, "Thiếu mã chỉ tiêu.", details: ["field": "code"])
        }
        guard let name = Self.normalized(params.name) else {
            throw RPCError(.invalidArgument, "Thiếu tên chỉ tiêu.", details: ["field": "name"])
        }
        guard let group = Self.normalized(params.group) else {
            throw RPCError(.invalidArgument, "Thiếu nhóm chỉ tiêu.", details: ["field": "group"])
        }
        let kind = params.kind ?? .strategic
        let (measure, direction, rollUp, frequency) = (params.measure, params.direction, params.rollUp, params.frequency)
        let reporters = params.reportedBy ?? .owner
        if (measure == .done) != (direction == .done) {
            throw RPCError(.invalidArgument, "Chỉ tiêu \"hoàn thành/chưa\" cần cả measure và direction là done.", details: ["field": "direction"])
        }
        if let maxValue = params.maxValue, !(maxValue.isFinite && maxValue > 0) {
            throw RPCError(.invalidArgument, "Giá trị tối đa phải là số dương.", details: ["field": "maxValue"])
        }
        let baseline = params.baseline ?? 0
        try checked { () throws(RuleError) in
            try ValueCheck.checkLevel(baseline, rules: IndicatorRules(measure: measure, direction: direction, rollUp: .sum,
                                                                      frequency: frequency, maxValue: params.maxValue), field: "baseline")
        }
        guard let baselineOn = Day(iso: params.baselineOn) else {
            throw RPCError(.invalidArgument, "Ngày bắt đầu lộ trình \"\(params.baselineOn)\" không hợp lệ (cần yyyy-MM-dd).",
                           details: ["field": "baselineOn"])
        }
        let ownerPath = try await unitPath(params.ownerUnitId, field: "ownerUnitId")
        if let tracking = params.trackingUnitId { _ = try await unitPath(tracking, field: "trackingUnitId") }
        let plan = Self.normalized(params.planNumber) ?? ""
        let id = "kpi-" + UUID().uuidString.lowercased().prefix(12)
        let now = clock.now.timeIntervalSince1970
        return try await database.pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM indicators WHERE owner_unit_id = ? AND plan_number = ? AND code = ?",
                                 arguments: [params.ownerUnitId, plan, code]) == true {
                throw RPCError(.alreadyExists, "Kế hoạch đã có chỉ tiêu mã \(code).", details: ["field": "code"])
            }
            try db.execute(sql: """
                INSERT INTO indicators (id, owner_unit_id, owner_unit_path, plan_number, code, name, grp, kind, measure, unit_of_measure,
                    direction, roll_up, reported_by, frequency, max_value, tracking_unit_id, tracking_text, baseline, baseline_on,
                    source_line, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [String(id), params.ownerUnitId, ownerPath, plan, code, name, group, kind.rawValue, measure.rawValue,
                                 Self.normalized(params.unitOfMeasure), direction.rawValue, rollUp.rawValue, reporters.rawValue,
                                 frequency.rawValue, params.maxValue, params.trackingUnitId, Self.normalized(params.trackingText),
                                 baseline, baselineOn.iso, params.sourceLine, Self.normalized(params.note), now])
            return try IndicatorQueries.indicator(db, id: String(id))!.info
        }
    }

    public func setTarget(_ params: MetricsTargetSet.Params, caller: Caller) async throws -> IndicatorInfo {
        let milestone = try checked { () throws(RuleError) in try Milestone(parsing: params.milestone) }
        let text = Self.normalized(params.target)
        let value = try text.map { text in try checked { () throws(RuleError) in try TargetValue(parsing: text) } }
        let path = try await unitPath(params.unitId)
        let indicator = try await indicator(params.indicatorId, concerning: path)
        guard path.hasPrefix(indicator.ownerUnitPath) else {
            throw RPCError(.invalidArgument, "Chỉ tiêu chỉ đặt cho đơn vị sở hữu hoặc đơn vị trực thuộc.", details: ["field": "unitId"])
        }
        // Targets are set by the unit that owns the indicator (or one above it), never by a measured
        // unit below it for itself.
        guard caller.holds([.reviewer, .admin], over: indicator.ownerUnitPath) else {
            throw RPCError(.permissionDenied,
                           "Chỉ cơ quan thẩm định hoặc quản trị của đơn vị sở hữu chỉ tiêu (\(indicator.ownerUnitId)) hoặc cấp trên mới được đặt mục tiêu.",
                           details: ["field": "unitId", "owner": indicator.ownerUnitId])
        }
        guard milestone.due > indicator.baselineOn else {
            throw RPCError(.invalidArgument,
                           "Mốc \(milestone.displayName) (\(milestone.due)) không sau ngày bắt đầu lộ trình (\(indicator.baselineOn)).",
                           details: ["field": "milestone"])
        }
        if let value, indicator.rules.direction != .done {
            try checked { () throws(RuleError) in try ValueCheck.checkLevel(value.number, rules: indicator.rules, field: "target") }
        }
        return try await database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO targets (indicator_id, unit_id, milestone, due, target, value, note) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (indicator_id, unit_id, milestone)
                DO UPDATE SET target = excluded.target, value = excluded.value, note = excluded.note
                """, arguments: [indicator.id, params.unitId, milestone.key, milestone.due.iso, text, value?.number,
                                 Self.normalized(params.note)])
            return try IndicatorQueries.indicator(db, id: indicator.id)!.info
        }
    }

    public func listIndicators(_ params: MetricsIndicatorList.Params) async throws -> [IndicatorInfo] {
        let path = try await unitPath(params.unitId)
        let group = Self.normalized(params.group)
        let plan = Self.normalized(params.planNumber)
        return try await database.pool.read { db in try IndicatorQueries.indicators(db, concerning: path) }
            .filter { (group == nil || $0.group == group) && (plan == nil || $0.planNumber == plan) }
            .map(\.info)
    }

    public func getIndicator(_ params: IndicatorRef) async throws -> MetricsIndicatorGet.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let indicator = try await indicator(params.indicatorId, concerning: path)
        let status = try await status(of: indicator, unitId: params.unitId, unitPath: path, asOf: asOf)
        let reports = try await database.pool.read { db in
            try Row.fetchAll(db, sql: ReportRow.selectSQL + " WHERE r.indicator_id = ? AND r.unit_id = ? ORDER BY r.period DESC",
                             arguments: [indicator.id, params.unitId]).map { ReportRow(row: $0).info }
        }
        return MetricsIndicatorGet.Result(indicator: indicator.info, status: status, reports: reports)
    }
}
