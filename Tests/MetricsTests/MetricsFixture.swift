import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire

/// A province (vn-75) with four communes; c1 has a department below it.
struct ProvinceUnits: FixedUnitTree {
    static let paths: [String: String] = [
        "vn": "/vn/", "vn-75": "/vn/vn-75/",
        "vn-75-c1": "/vn/vn-75/vn-75-c1/", "vn-75-c2": "/vn/vn-75/vn-75-c2/",
        "vn-75-c3": "/vn/vn-75/vn-75-c3/", "vn-75-c4": "/vn/vn-75/vn-75-c4/",
        "vn-75-c1-vhxh": "/vn/vn-75/vn-75-c1/vn-75-c1-vhxh/",
    ]

}

/// Evidence ids "ev-<unit>-<n>" belong to <unit>; "bad-…" are corrupt; anything else does not exist.
struct ProvinceEvidence: EvidenceLookup {
    func files(_ ids: [String], unitId: String, caller: Caller) async throws -> [EvidenceInfo] {
        try ids.map { id in
            let unit = ProvinceUnits.paths.keys.filter { id.hasPrefix("ev-\($0)-") || id.hasPrefix("bad-\($0)-") }.max { $0.count < $1.count }
            guard let unit else { throw RPCError(.notFound, "Không có minh chứng \"\(id)\".", details: ["field": "evidenceIds"]) }
            return EvidenceInfo(id: id, sha256: String(repeating: "b", count: 64), size: 10, fileName: "so-lieu.pdf",
                                mediaType: "application/pdf", unitId: unit, uploadedBy: "cv", uploadedAt: Date(), supports: nil,
                                status: id.hasPrefix("bad-") ? .corrupt : .ok)
        }
    }

    func recordReview(_ ids: [String], decision: String, reviewer: String) async throws {}
}

/// The programmes the tasks service would list: two national resolutions, the province's own
/// (Đồng Nai's digital transformation programme) and commune c1's own.
struct ProvinceProgrammes: ProgrammeLookup {
    static let all = [
        ProgrammeInfo(code: "nq57", name: "Nghị quyết số 57-NQ/TW", shortName: "NQ 57", kind: .national, ownerUnitId: "vn"),
        ProgrammeInfo(code: "nq71", name: "Nghị quyết số 71-NQ/TW", shortName: "NQ 71", kind: .national, ownerUnitId: "vn"),
        ProgrammeInfo(code: "dn-cds", name: "Chương trình chuyển đổi số tỉnh Đồng Nai", shortName: "CĐS Đồng Nai", kind: .local, ownerUnitId: "vn-75"),
        ProgrammeInfo(code: "c1-cds", name: "Chương trình chuyển đổi số xã c1", shortName: "CĐS c1", kind: .local, ownerUnitId: "vn-75-c1"),
    ]

    func programme(_ code: String) async throws -> ProgrammeInfo? { Self.all.first { $0.code == code } }
}

/// The metrics service's parts over a fresh database, with a clock the test moves.
struct MetricsFixture {
    let context: MetricsContext
    let clock: ManualClock

    var admin: IndicatorAdmin { IndicatorAdmin(context) }
    var indicators: IndicatorReads { IndicatorReads(context) }
    var workflow: ReportWorkflow { ReportWorkflow(context) }
    var views: ValueViews { ValueViews(context) }
    var overview: Overview { Overview(context) }
    var exports: Exports { Exports(context) }
    var published: PublicIndicators { PublicIndicators(context) }

    static func day(_ iso: String) -> Date { NQ57Clock.parseDay(iso)!.addingTimeInterval(9 * 3600) }

    static func grant(_ role: Role, _ unitId: String) -> Grant {
        Grant(role: role, unitId: unitId, unitPath: ProvinceUnits.paths[unitId]!)
    }
    static func staff(_ unitId: String) -> Caller { Caller(account: "s-\(unitId)", username: "cv.\(unitId)", session: "s", grants: [grant(.staff, unitId)]) }
    static func head(_ unitId: String) -> Caller { Caller(account: "h-\(unitId)", username: "tp.\(unitId)", session: "s", grants: [grant(.head, unitId)]) }
    static let reviewer = Caller(account: "rev", username: "vp.tinh", session: "s", grants: [grant(.reviewer, "vn-75")])
    static let communeReviewer = Caller(account: "rev-c1", username: "vp.c1", session: "s", grants: [grant(.reviewer, "vn-75-c1")])

    init(today: String = "2026-03-10") async throws {
        let folder = "/tmp/nq57-metrics-\(UUID().uuidString.prefix(8))"
        let database = try ServiceDatabase(path: "\(folder)/metrics.sqlite", migrations: MetricsService.registerMigrations)
        clock = ManualClock(Self.day(today))
        context = try await MetricsContext(database: database, units: ProvinceUnits(), evidence: ProvinceEvidence(),
                                           programmes: ProvinceProgrammes(), clock: clock.clock)
    }

    func moveTo(_ iso: String) {
        clock.advance(by: Self.day(iso).timeIntervalSince(clock.clock.now))
    }

    /// A provincial ratio indicator the communes report monthly: "Tỷ lệ hồ sơ TTHC xử lý trực tuyến", ≥ 70% by 01/01/2027.
    func ratioIndicator(target: String? = "≥ 70", due: String = "2027-01-01", baseline: Double = 30) async throws -> IndicatorInfo {
        let indicator = try await admin.createIndicator(MetricsIndicatorCreate.Params(
            ownerUnitId: "vn-75", planNumber: "01-KH/TU", code: "CDS-01", name: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
            group: "Chuyển đổi số", measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio,
            reportedBy: .children, frequency: .month, baseline: baseline, baselineOn: "2026-01-01"), caller: Self.reviewer)
        return try await admin.setTarget(MetricsTargetSet.Params(indicatorId: indicator.id, unitId: "vn-75", milestone: due,
                                                                     target: target), caller: Self.reviewer)
    }

    /// A count indicator of the province that the communes report and that sums up.
    func countIndicator(rollUp: RollUpRule = .sum) async throws -> IndicatorInfo {
        try await admin.createIndicator(MetricsIndicatorCreate.Params(
            ownerUnitId: "vn-75", planNumber: "01-KH/TU", code: "KH-\(rollUp.rawValue)", name: "Số doanh nghiệp khoa học công nghệ",
            group: "Khoa học công nghệ", measure: .count, unitOfMeasure: "doanh nghiệp", direction: .atLeast, rollUp: rollUp,
            reportedBy: .children, frequency: .quarter, baselineOn: "2026-01-01"), caller: Self.reviewer)
    }

    /// Drafts, submits and accepts a value.
    @discardableResult
    func accepted(_ indicatorId: String, _ unitId: String, _ period: String, value: Double? = nil, numerator: Double? = nil,
                  denominator: Double? = nil) async throws -> ReportInfo {
        _ = try await workflow.report(MetricsReport.Params(indicatorId: indicatorId, unitId: unitId, period: period, value: value,
                                                            numerator: numerator, denominator: denominator,
                                                            evidenceIds: ["ev-\(unitId)-1"]), caller: Self.staff(unitId))
        _ = try await workflow.submit(ReportRef(indicatorId: indicatorId, unitId: unitId, period: period), caller: Self.head(unitId))
        return try await workflow.review(MetricsReview.Params(indicatorId: indicatorId, unitId: unitId, period: period, decision: .accept),
                                          caller: Self.reviewer)
    }
}

/// The field an `invalid_argument` error names.
func field(of error: any Error) -> String? {
    (error as? RPCError)?.details?["field"]
}
