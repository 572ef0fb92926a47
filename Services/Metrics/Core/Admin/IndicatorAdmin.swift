import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// Defining indicators and their targets (`metrics.indicators.create`, `metrics.targets.set`):
/// what a reviewer or an admin of the owning unit does.
public struct IndicatorAdmin: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsIndicatorCreate.self) { params, call in try await createIndicator(params, caller: call.caller) }
        routes.on(MetricsTargetSet.self) { params, call in try await setTarget(params, caller: call.caller) }
    }

    /// `metrics.indicators.create`.
    public func createIndicator(_ params: MetricsIndicatorCreate.Params, caller: Caller) async throws -> IndicatorInfo {
        guard let code = MetricsContext.normalized(params.code) else {
            throw RPCError(.invalidArgument, "Thiếu mã chỉ tiêu.", details: ["field": "code"])
        }
        guard let name = MetricsContext.normalized(params.name) else {
            throw RPCError(.invalidArgument, "Thiếu tên chỉ tiêu.", details: ["field": "name"])
        }
        guard let group = MetricsContext.normalized(params.group) else {
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
        try context.checked { () throws(RuleError) in
            try ValueCheck.checkLevel(baseline, rules: IndicatorRules(measure: measure, direction: direction, rollUp: .sum,
                                                                      frequency: frequency, maxValue: params.maxValue), field: "baseline")
        }
        guard let baselineOn = Day(iso: params.baselineOn) else {
            throw RPCError(.invalidArgument, "Ngày bắt đầu lộ trình \"\(params.baselineOn)\" không hợp lệ (cần yyyy-MM-dd).",
                           details: ["field": "baselineOn"])
        }
        let ownerPath = try await context.unitPath(params.ownerUnitId, field: "ownerUnitId")
        let programme = try await kpiSetProgramme(params.programme, ownerPath: ownerPath)
        if let tracking = params.trackingUnitId { _ = try await context.unitPath(tracking, field: "trackingUnitId") }
        let plan = MetricsContext.normalized(params.planNumber) ?? ""
        let id = "kpi-" + UUID().uuidString.lowercased().prefix(12)
        let now = context.clock.now.timeIntervalSince1970
        return try await context.database.pool.write { db in
            if try IndicatorRow.exists(db, ownerUnitId: params.ownerUnitId, planNumber: plan, code: code) {
                throw RPCError(.alreadyExists, "Kế hoạch đã có chỉ tiêu mã \(code).", details: ["field": "code"])
            }
            let row = IndicatorRow(
                id: String(id), ownerUnitId: params.ownerUnitId, ownerUnitPath: ownerPath, planNumber: plan, code: code, name: name,
                group: group, kind: kind, measure: measure, unitOfMeasure: MetricsContext.normalized(params.unitOfMeasure),
                direction: direction, rollUp: rollUp, reportedBy: reporters, frequency: frequency, maxValue: params.maxValue,
                trackingUnitId: params.trackingUnitId, trackingText: MetricsContext.normalized(params.trackingText), baseline: baseline,
                baselineOn: baselineOn.iso, sourceLine: params.sourceLine, note: MetricsContext.normalized(params.note), createdAt: now,
                programme: programme)
            try row.insert(db)
            return Indicator(IndicatorRow.WithTargets(indicator: row, targets: [])).info
        }
    }

    /// The programme a new indicator's KPI set belongs to (nq57 when none is named): it must exist
    /// (the tasks service's list), and a unit's own programme takes KPI sets of that unit and those below it only.
    private func kpiSetProgramme(_ text: String?, ownerPath: String) async throws -> String {
        guard let code = try ProgrammeCode.normalized(text) else { return DefaultProgramme.code }
        let programme = try await context.programmes.requiredProgramme(code)
        if programme.kind == .local {
            let programmePath = try await context.unitPath(programme.ownerUnitId, field: "programme")
            guard ownerPath.hasPrefix(programmePath) else {
                throw RPCError(.failedPrecondition,
                               "Chương trình \"\(programme.shortName)\" là chương trình riêng của đơn vị \(programme.ownerUnitId); chỉ đơn vị đó và đơn vị trực thuộc được đặt bộ chỉ tiêu cho chương trình này.",
                               details: ["field": "programme", "owner": programme.ownerUnitId])
            }
        }
        return programme.code
    }

    /// `metrics.targets.set`.
    public func setTarget(_ params: MetricsTargetSet.Params, caller: Caller) async throws -> IndicatorInfo {
        let milestone = try context.checked { () throws(RuleError) in try Milestone(parsing: params.milestone) }
        let text = MetricsContext.normalized(params.target)
        let value = try text.map { text in try context.checked { () throws(RuleError) in try TargetValue(parsing: text) } }
        let path = try await context.unitPath(params.unitId)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
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
            try context.checked { () throws(RuleError) in try ValueCheck.checkLevel(value.number, rules: indicator.rules, field: "target") }
        }
        return try await context.database.pool.write { db in
            try TargetRow(indicatorId: indicator.id, unitId: params.unitId, milestone: milestone.key, due: milestone.due.iso, target: text,
                          value: value?.number, note: MetricsContext.normalized(params.note)).save(db)
            guard let stored = try IndicatorRow.fetch(db, id: indicator.id) else {
                throw RPCError(.notFound, "Không có chỉ tiêu \"\(indicator.id)\".", details: ["field": "indicatorId"])
            }
            return Indicator(stored).info
        }
    }
}
