import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Sheets
import NQ57Wire

/// Builds a ``PeriodicReport`` from the API as the caller sees it: every part read through
/// methods the caller may call (each checked by the gateway and the services as usual).
public struct PeriodicReportBuilder: Sendable {
    let reader: any APIReader
    let today: Day

    /// A builder reading through `reader`; `today` bounds the figures of a period still running.
    public init(reader: any APIReader, today: Day) {
        self.reader = reader
        self.today = today
    }

    /// The report of `unitId` for `periodKey` (`2026-11` or `2026-Q4`).
    public func build(unitId: String, period periodKey: String) async throws -> PeriodicReport {
        guard let period = PeriodicReport.period(periodKey) else {
            throw RPCError(.invalidArgument, "Kỳ báo cáo \"\(periodKey)\" không hợp lệ: cần một tháng (2026-11) hoặc một quý (2026-Q4).",
                           details: ["field": "period"])
        }
        guard period.start <= today else {
            throw RPCError(.invalidArgument, "Kỳ \(period.displayName) chưa bắt đầu: chưa có gì để báo cáo.", details: ["field": "period"])
        }
        let asOf = min(period.end, today)
        let names = try await UnitNames.load(under: unitId, on: asOf.iso, from: reader)
        async let tasks = reader.call(TasksList.self, TasksList.Params(unitId: unitId, asOf: asOf.iso))
        async let taskFlags = reader.call(TasksFlags.self, UnitAsOf(unitId: unitId, asOf: asOf.iso))
        async let kpiFlags = reader.call(MetricsFlags.self, UnitAsOf(unitId: unitId, asOf: asOf.iso))
        async let explanations = reader.call(TasksExplanationList.self, TasksExplanationList.Params(unitId: unitId))
        async let dashboard = reader.call(MetricsDashboard.self, MetricsDashboard.Params(unitId: unitId, asOf: asOf.iso))
        let taskList = try await tasks.tasks
        let claims = Self.claims(of: taskList, in: period)
        let indicators = try await dashboard.indicators
        let kpiReports = try await kpiReports(of: indicators, unitId: unitId, in: period, asOf: asOf)
        let evidenceIds = Array(Set(claims.flatMap { $0.claim.evidenceIds } + kpiReports.flatMap { $0.report.evidenceIds })).sorted()
        var files: [EvidenceInfo] = []
        if !evidenceIds.isEmpty {
            files = try await reader.call(EvidenceInfoGet.self, EvidenceInfoGet.Params(unitId: unitId, ids: evidenceIds)).files
        }
        let parts = [
            ReportParts.states(taskList),
            TaskSheets.tasks(taskList).namingUnits(names.name),
            ReportParts.redFlags(tasks: try await taskFlags.flags, kpis: try await kpiFlags.flags,
                                 explanations: try await explanations.requests).namingUnits(names.name),
            ReportParts.indicators(indicators).namingUnits(names.name),
            ReportParts.evidence(claims: claims, kpiReports: kpiReports, files: files).namingUnits(names.name),
        ]
        return PeriodicReport(unitId: unitId, unitName: names.label(unitId), period: period.key, periodText: period.displayName,
                              from: period.start.iso, to: period.end.iso, asOf: asOf.iso, madeOn: today.iso, parts: parts)
    }

    /// The unit's own KPI reports that belong to the period (see ``reports(_:in:)``), read indicator
    /// by indicator, at most 8 at a time, in the dashboard's order.
    func kpiReports(of indicators: [IndicatorStatusInfo], unitId: String, in period: PeriodKey,
                    asOf: Day) async throws -> [(indicator: IndicatorStatusInfo, report: ReportInfo)] {
        var seen = Set<String>()
        let own = indicators.filter { $0.unitId == unitId && seen.insert($0.indicatorId).inserted }
        var found = Array(repeating: [ReportInfo](), count: own.count)
        try await withThrowingTaskGroup(of: (Int, [ReportInfo]).self) { group in
            var next = 0
            func start() {
                guard next < own.count else { return }
                let (index, indicatorId, reader) = (next, own[next].indicatorId, reader)
                group.addTask {
                    (index, try await reader.call(MetricsIndicatorGet.self, IndicatorRef(indicatorId: indicatorId, unitId: unitId, asOf: asOf.iso)).reports)
                }
                next += 1
            }
            for _ in 0..<8 { start() }
            while let (index, reports) = try await group.next() {
                found[index] = Self.reports(reports, in: period)
                start()
            }
        }
        return zip(own, found).flatMap { indicator, reports in reports.map { (indicator, $0) } }
    }

    /// The KPI reports that belong to the period: those for a period inside it, or accepted in it;
    /// oldest period first.
    static func reports(_ reports: [ReportInfo], in period: PeriodKey) -> [ReportInfo] {
        reports.filter { report in
            if let key = PeriodKey(key: report.period), key.start >= period.start, key.end <= period.end { return true }
            guard let accepted = report.acceptedOn.flatMap(Day.init(iso:)) else { return false }
            return accepted >= period.start && accepted <= period.end
        }.sorted { $0.period < $1.period }
    }

    /// The claims that belong to the period: those for one of its reporting periods, or sent in it.
    static func claims(of tasks: [TaskInfo], in period: PeriodKey) -> [(task: TaskInfo, claim: ClaimInfo)] {
        tasks.flatMap { task in
            task.claims.filter { claim in
                if let key = claim.period.flatMap(PeriodKey.init(key:)) { return key.start >= period.start && key.end <= period.end }
                guard let sent = claim.submittedOn.flatMap(Day.init(iso:)) else { return false }
                return sent >= period.start && sent <= period.end
            }.map { (task, $0) }
        }
    }
}
