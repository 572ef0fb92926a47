import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire
import ReviewRules

/// Reported values (`metrics.report`, `metrics.submit`, `metrics.review`, `metrics.history`):
/// staff drafts, the head submits, the reviewer accepts or sends back. Each step is written with
/// its history entry in one transaction; an accepted value joins the in-memory table only after
/// its transaction commits.
public struct ReportWorkflow: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsReport.self) { params, call in try await report(params, caller: call.caller) }
        routes.on(MetricsSubmit.self) { params, call in try await submit(params, caller: call.caller) }
        routes.on(MetricsReview.self) { params, call in try await review(params, caller: call.caller) }
        routes.on(MetricsHistory.self) { params, _ in MetricsHistory.Result(events: try await history(params)) }
    }

    /// The indicator a unit reports on, with the unit's path: the unit must be the owner or below it.
    private func reportable(_ indicatorId: String, unitId: String) async throws -> (Indicator, String) {
        let path = try await context.unitPath(unitId)
        let indicator = try await context.indicator(indicatorId, concerning: path)
        guard path.hasPrefix(indicator.ownerUnitPath) else {
            throw RPCError(.permissionDenied, "Đơn vị \(unitId) không báo cáo chỉ tiêu của đơn vị cấp dưới (\(indicator.ownerUnitId)).",
                           details: ["field": "unitId"])
        }
        return (indicator, path)
    }

    private func period(_ key: String, of indicator: Indicator) throws -> PeriodKey {
        try context.checked { () throws(RuleError) in try ValueCheck.period(key, frequency: indicator.rules.frequency) }
    }

    /// Appends to the history (the table refuses updates and deletes).
    private func record(_ db: Database, _ report: (indicator: String, unit: String, period: String), kind: ReportEventKind, caller: Caller,
                        number: ReportedNumber? = nil, note: String? = nil, evidence: [String] = []) throws {
        try ReportEventRow(indicatorId: report.indicator, unitId: report.unit, period: report.period,
                           at: context.clock.now.timeIntervalSince1970, kind: kind, account: caller.account, username: caller.username,
                           value: number?.value, numerator: number?.numerator, denominator: number?.denominator, note: note,
                           evidence: evidence).insert(db)
    }

    /// `metrics.report`.
    public func report(_ params: MetricsReport.Params, caller: Caller) async throws -> ReportInfo {
        let (indicator, path) = try await reportable(params.indicatorId, unitId: params.unitId)
        try await context.units.requireOpen(params.unitId, on: context.today.iso)
        let period = try period(params.period, of: indicator)
        guard period.start <= context.today else {
            throw RPCError(.invalidArgument, "Kỳ \(period.displayName) chưa bắt đầu; chưa thể báo cáo.", details: ["field": "period"])
        }
        let number = try context.checked { () throws(RuleError) in
            try ValueCheck.check(value: params.value, numerator: params.numerator, denominator: params.denominator, rules: indicator.rules)
        }
        try await context.evidence.requireIntact(params.evidenceIds, unitId: params.unitId, unitPath: path, caller: caller,
                                                 units: context.units, what: "Báo cáo số liệu chỉ tiêu")
        let note = try FreeText.checked(params.note, field: "note", label: "Ghi chú")
        let actor = try caller.reviewActor(forUnitAt: path)
        let day = context.today
        return try await context.database.pool.write { db in
            let existing = try ReportRow.fetch(db, indicatorId: indicator.id, unitId: params.unitId, period: period.key)
            // The shared review workflow: staff or the head draft; a value waiting for review cannot
            // be edited; an accepted one is corrected by a new version.
            let drafted = try ReviewStateMachine.values.move(.draft, existing?.reviewItem ?? .new, by: actor, on: day)
            // A new draft keeps the reason it was sent back for and who decided, until the next decision.
            var row = existing ?? ReportRow(indicatorId: indicator.id, unitId: params.unitId, unitPath: path, period: period.key,
                                            state: .draft, value: number.value, evidence: [], version: drafted.version, authors: [])
            row.state = .draft
            (row.value, row.numerator, row.denominator) = (number.value, number.numerator, number.denominator)
            (row.note, row.evidence, row.version, row.submittedOn, row.authors) = (note, params.evidenceIds, drafted.version, nil, drafted.authors)
            try row.save(db)
            try self.record(db, (indicator.id, params.unitId, period.key), kind: existing == nil ? .report : .correct, caller: caller,
                            number: number, note: note, evidence: params.evidenceIds)
            return try row.info(db, for: caller, on: day)
        }
    }

    /// `metrics.submit`.
    public func submit(_ params: ReportRef, caller: Caller) async throws -> ReportInfo {
        let (indicator, path) = try await reportable(params.indicatorId, unitId: params.unitId)
        let period = try period(params.period, of: indicator)
        let actor = try caller.reviewActor(forUnitAt: path)
        let day = context.today
        return try await context.database.pool.write { db in
            guard let existing = try ReportRow.fetch(db, indicatorId: indicator.id, unitId: params.unitId, period: period.key) else {
                throw RPCError(.failedPrecondition, "Chưa có số liệu đang soạn của kỳ \(period.displayName) để gửi; chuyên viên cần nhập trước.",
                               details: ["field": "period"])
            }
            let submitted = try ReviewStateMachine.values.move(.submit, existing.reviewItem, by: actor, on: day)
            var row = existing
            (row.state, row.submittedOn, row.authors) = (.submitted, day.iso, submitted.authors)
            try row.update(db)
            try self.record(db, (indicator.id, params.unitId, period.key), kind: .submit, caller: caller, number: existing.number,
                            evidence: existing.evidence)
            return try row.info(db, for: caller, on: day)
        }
    }

    /// `metrics.review`.
    public func review(_ params: MetricsReview.Params, caller: Caller) async throws -> ReportInfo {
        let (indicator, path) = try await reportable(params.indicatorId, unitId: params.unitId)
        let period = try period(params.period, of: indicator)
        let reason = try FreeText.checked(params.reason, field: "reason", label: "Lý do trả lại")
        if params.decision == .sendBack, reason == nil {
            throw RPCError(.invalidArgument, "Trả lại số liệu phải nêu lý do.", details: ["field": "reason"])
        }
        let actor = try caller.reviewActor(forUnitAt: path)
        let day = context.today
        let today = day.iso
        let (info, accepted) = try await context.database.pool.write { db -> (ReportInfo, AcceptedValues.Version?) in
            guard let existing = try ReportRow.fetch(db, indicatorId: indicator.id, unitId: params.unitId, period: period.key),
                  existing.state == .submitted else {
                throw RPCError(.failedPrecondition, "Số liệu kỳ \(period.displayName) không ở trạng thái chờ thẩm định.",
                               details: ["field": "period"])
            }
            // The shared review workflow: only a reviewer, never of the value's own unit, never an
            // account that drafted or submitted any version of it.
            let move: ReviewMove = params.decision == .accept ? .accept : .sendBack(reason: reason ?? "")
            _ = try ReviewStateMachine.values.move(move, existing.reviewItem, by: actor, on: day)
            var accepted: AcceptedValues.Version?
            var row = existing
            row.decidedBy = actor.account
            if params.decision == .accept {
                (row.state, row.reason) = (.accepted, nil)
                try AcceptedValueRow(indicatorId: indicator.id, unitId: params.unitId, period: period.key, version: existing.version,
                                     value: existing.value, numerator: existing.numerator, denominator: existing.denominator,
                                     acceptedOn: today).insert(db)
                accepted = AcceptedValues.Version(version: existing.version, number: existing.number, acceptedOn: today)
            } else {
                (row.state, row.reason) = (.needsRework, reason)
            }
            try row.update(db)
            try self.record(db, (indicator.id, params.unitId, period.key), kind: params.decision == .accept ? .accept : .sendBack,
                            caller: caller, note: reason)
            return (try row.info(db, for: caller, on: day), accepted)
        }
        if let accepted {
            context.accepted.add(indicatorId: indicator.id, unitId: params.unitId, period: period.key, accepted)
        }
        if !info.evidenceIds.isEmpty {
            do {
                try await context.evidence.recordReview(info.evidenceIds, decision: params.decision.rawValue,
                                                        reviewer: caller.username ?? caller.account ?? "?")
            } catch {
                context.logger.error("review not recorded in the evidence log", metadata: ["indicator": "\(indicator.id)", "error": "\(error)"])
            }
        }
        return info
    }

    /// `metrics.history`.
    public func history(_ params: MetricsHistory.Params) async throws -> [ReportEventInfo] {
        let path = try await context.unitPath(params.unitId)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        return try await context.database.pool.read { db in
            try ReportEventRow.fetchAll(db, indicatorId: indicator.id, unitId: params.unitId, period: params.period).map { row in
                ReportEventInfo(seq: Int(row.seq ?? 0), at: Date(timeIntervalSince1970: row.at), period: row.period, kind: row.kind,
                                username: row.username, value: row.value, numerator: row.numerator, denominator: row.denominator,
                                note: row.note, evidenceIds: row.evidence)
            }
        }
    }
}
