import ArgumentParser
import Foundation
import NQ57API
import NQ57Runtime
import TasksCore

/// `nq57 bench flags`: red flags and the dashboard over a synthetic province and nation.
struct FlagsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Thời gian tính toàn bộ cảnh báo đỏ và bảng tổng hợp cho một tỉnh (95 xã × 60 nhiệm vụ, 24 tháng lịch sử) và cả nước (3.321 xã).")

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
            let authority = TasksAuthority(database: database, units: units, evidence: NoEvidence(),
                                           clock: NQ57Clock { NQ57Clock.parseDay(today)!.addingTimeInterval(36_000) })
            print("\(label): \(summary.communes) xã, \(summary.tasks) nhiệm vụ, \(summary.events) bản ghi tiến độ (tạo trong \(built))")
            var flagCount = 0
            let flags = try await measure(runs) {
                flagCount = try await authority.flags(UnitAsOf(unitId: unit)).flags.count
            }
            print(String(format: "  toàn bộ cảnh báo (%d): tốt nhất %.1f ms, trung vị %.1f ms", flagCount, flags.best, flags.median))
            let dashboard = try await measure(runs) { _ = try await authority.dashboard(UnitAsOf(unitId: unit)) }
            print(String(format: "  bảng tổng hợp: tốt nhất %.1f ms, trung vị %.1f ms", dashboard.best, dashboard.median))
            let scores = try await measure(runs) { _ = try await authority.scores(UnitAsOf(unitId: unit)) }
            print(String(format: "  xếp hạng đơn vị trực thuộc: tốt nhất %.1f ms, trung vị %.1f ms", scores.best, scores.median))
        }
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
