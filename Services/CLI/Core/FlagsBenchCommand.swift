import ArgumentParser
import Foundation
import MetricsCore
import NQ57API
import NQ57Calendar
import NQ57Runtime
import TasksCore

/// `nq57 bench flags`: red flags and the dashboard over a synthetic province and nation.
struct FlagsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Thời gian tính toàn bộ cảnh báo đỏ và bảng tổng hợp cho một tỉnh (95 xã × 60 nhiệm vụ, 24 tháng lịch sử) và cả nước (3.321 xã); chỉ tiêu: 95 xã × 45 chỉ tiêu × 24 tháng.")

    @Option(name: .long, help: "Số lần đo mỗi phép tính (lấy giá trị tốt nhất và trung vị).")
    var runs: Int = 5

    func run() async throws {
        let today = "2026-11-24"
        print("nq57 bench flags — ngày xét \(today), \(ProcessInfo.processInfo.activeProcessorCount) lõi")
        for (label, provinces, communes, history, unit) in [("tỉnh", 1, 95, 95, "vn-p0"), ("cả nước", 34, 3321, 0, "vn")] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-bench-flags-\(UUID().uuidString.prefix(8))").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let database = try ServiceDatabase(path: "\(folder)/tasks.sqlite", migrations: TasksService.registerMigrations)
            let started = ContinuousClock.now
            let (units, summary) = try SyntheticProvince.build(database: database, provinces: provinces, communes: communes,
                                                               tasksPerCommune: 60, months: 24, historyCommunes: history, today: today)
            let built = ContinuousClock.now - started
            let reports = TaskReports(TasksContext(database: database, units: units, evidence: NoEvidence(),
                                                   clock: NQ57Clock { NQ57Clock.parseDay(today)!.addingTimeInterval(36_000) }))
            print("\(label): \(summary.communes) xã, \(summary.tasks) nhiệm vụ, \(summary.events) bản ghi tiến độ (tạo trong \(built))")
            var flagCount = 0
            let flags = try await measure(runs) {
                flagCount = try await reports.flags(UnitAsOf(unitId: unit)).flags.count
            }
            print(String(format: "  toàn bộ cảnh báo (%d): tốt nhất %.1f ms, trung vị %.1f ms", flagCount, flags.best, flags.median))
            let dashboard = try await measure(runs) { _ = try await reports.dashboard(UnitAsOf(unitId: unit)) }
            print(String(format: "  bảng tổng hợp: tốt nhất %.1f ms, trung vị %.1f ms", dashboard.best, dashboard.median))
            let scores = try await measure(runs) { _ = try await reports.scores(UnitAsOf(unitId: unit)) }
            print(String(format: "  xếp hạng đơn vị trực thuộc: tốt nhất %.1f ms, trung vị %.1f ms", scores.best, scores.median))
            if provinces == 1 {
                // The overview page's one call: headline, units ranked, flags grouped, 12 months of trend.
                let overview = try await measure(runs) { _ = try await reports.overview(OverviewParams(unitId: unit)) }
                print(String(format: "  tổng quan (tasks.overview, xu hướng 12 tháng): tốt nhất %.1f ms, trung vị %.1f ms", overview.best, overview.median))
                let past = try await measure(runs) { _ = try await reports.overview(OverviewParams(unitId: unit, asOf: "2026-06-30")) }
                print(String(format: "  tổng quan ngày 30/06/2026 (tính lại trạng thái theo lịch sử): tốt nhất %.1f ms, trung vị %.1f ms",
                             past.best, past.median))
            }
        }
        try await kpis(today: today)
    }

    /// KPI completion and roll-up over a province: 95 communes × 45 indicators × 24 months of accepted values.
    private func kpis(today: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-bench-kpi-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try ServiceDatabase(path: "\(folder)/metrics.sqlite", migrations: MetricsService.registerMigrations)
        let day = Day(iso: today)!
        let started = ContinuousClock.now
        let (units, values) = try SyntheticKPIs.build(database: database, communes: 95, indicators: 45, months: 24,
                                                      lastMonth: PeriodKey.containing(day, period: .month).previous)
        let built = ContinuousClock.now - started
        let clock = NQ57Clock { NQ57Clock.parseDay(today)!.addingTimeInterval(36_000) }
        let loadStart = ContinuousClock.now
        let context = try await MetricsContext(database: database, units: units, evidence: NoEvidence(), clock: clock)
        let (overview, views) = (Overview(context), ValueViews(context))
        let loaded = ContinuousClock.now - loadStart
        print("chỉ tiêu: 95 xã × 45 chỉ tiêu × 24 tháng = \(values) số liệu đã chấp nhận (tạo trong \(built), nạp vào bộ nhớ trong \(loaded))")
        var red = 0
        let dashboard = try await measure(runs) {
            red = try await overview.dashboard(MetricsDashboard.Params(unitId: "vn-p0")).redBelow.reduce(0) { $0 + $1.red }
        }
        print(String(format: "  bảng chỉ tiêu của tỉnh (45 chỉ tiêu tổng hợp + 4.275 cặp xã × chỉ tiêu, %d đỏ): tốt nhất %.1f ms, trung vị %.1f ms",
                     red, dashboard.best, dashboard.median))
        let flags = try await measure(runs) { _ = try await overview.flags(UnitAsOf(unitId: "vn-p0")) }
        print(String(format: "  cảnh báo chỉ tiêu của tỉnh: tốt nhất %.1f ms, trung vị %.1f ms", flags.best, flags.median))
        let rollUps = try await measure(runs) {
            for number in 0..<45 {
                _ = try await views.rollUp(MetricsRollUp.Params(indicatorId: "kpi-bench-\(number)", unitId: "vn-p0"))
            }
        }
        print(String(format: "  tổng hợp 45 chỉ tiêu từ 95 xã, xếp hạng: tốt nhất %.1f ms, trung vị %.1f ms", rollUps.best, rollUps.median))
        let series = try await measure(runs) {
            for number in 0..<45 {
                _ = try await views.series(MetricsSeries.Params(indicatorId: "kpi-bench-\(number)", unitId: "vn-p0"))
            }
        }
        print(String(format: "  chuỗi 24 tháng của tỉnh cho 45 chỉ tiêu (tổng hợp mỗi tháng): tốt nhất %.1f ms, trung vị %.1f ms",
                     series.best, series.median))
    }

    private func measure(_ runs: Int, _ body: () async throws -> Void) async throws -> (best: Double, median: Double) {
        var samples: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            try await body()
            let elapsed = ContinuousClock.now - start
            samples.append(elapsed / .milliseconds(1))
        }
        samples.sort()
        return (samples[0], samples[samples.count / 2])
    }
}

/// The benchmark claims nothing, so it needs no evidence store.
private struct NoEvidence: EvidenceLookup {
    func files(_ ids: [String], unitId: String, caller: Caller) async throws -> [EvidenceInfo] { [] }
    func recordReview(_ ids: [String], decision: String, reviewer: String) async throws {}
}
