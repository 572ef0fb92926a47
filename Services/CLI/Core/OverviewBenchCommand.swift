import ArgumentParser
import Foundation
import NQ57API

/// `nq57 bench overview`: how long the overview's data takes on a running system (the demo: `nq57 up --demo`),
/// through the gateway, as the console asks for it: `tasks.overview` today and on a past day (states replayed),
/// then each other call of the page, and all of them at once as the page makes them.
struct OverviewBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Thời gian lấy dữ liệu trang Tổng quan (tasks.overview) qua cổng trên hệ thống đang chạy (đăng nhập trước bằng nq57 login).")

    @Option(name: .long, help: "Thư mục dữ liệu của hệ thống đang chạy.") var data: String?
    @Option(name: .long, help: "Đơn vị (mặc định vn-75, tỉnh Đồng Nai).") var unit = "vn-75"
    @Option(name: .long, help: "Ngày đã qua để đo khi phải tính lại trạng thái theo lịch sử (yyyy-MM-dd).") var pastDay = "2026-06-30"
    @Option(name: .long, help: "Số lần đo mỗi trường hợp.") var runs = 10

    func run() async throws {
        let address = GatewayAddress(data: data)
        let client = address.makeClient()
        defer { Task { await client.close() } }
        let token = try await SavedSession.token(path: SavedSession.path(nil), client: client)
        print("nq57 bench overview — \(unit), \(runs) lần mỗi trường hợp, qua cổng \(address.socketPath)")
        let unit = self.unit
        let cases: [(String, String?)] = [("hôm nay", nil), ("ngày \(TasksCommand.dayText(pastDay)) (tính lại theo lịch sử)", pastDay)]
        for (label, asOf) in cases {
            try await Self.report("  \(label)", runs: runs) {
                let answer = try await client.call(TasksOverview.self, OverviewParams(unitId: unit, asOf: asOf), token: token)
                return "\(answer.headline.tasks) nhiệm vụ, \(answer.headline.red) cờ đỏ, \(answer.flagGroups.count) nhóm cờ, \(answer.units.count) đơn vị"
            }
        }
        // The page's other calls today, each alone, then all of them at once (the console sends them together).
        let calls: [(String, @Sendable () async throws -> Void)] = [
            ("metrics.dashboard", { _ = try await client.call(MetricsDashboard.self, .init(unitId: unit), token: token) }),
            ("metrics.trend", { _ = try await client.call(MetricsTrend.self, .init(unitId: unit), token: token) }),
            ("tasks.scores", { _ = try await client.call(TasksScores.self, UnitAsOf(unitId: unit), token: token) }),
            ("tasks.reviewQueue", { _ = try await client.call(TasksReviewQueue.self, ReviewQueueParams(unitId: unit), token: token) }),
            ("metrics.reviewQueue", { _ = try await client.call(MetricsReviewQueue.self, ReviewQueueParams(unitId: unit), token: token) }),
            ("evidence.reviewQueue", { _ = try await client.call(EvidenceReviewQueue.self, ReviewQueueParams(unitId: unit), token: token) }),
        ]
        for (label, call) in calls {
            try await Self.report("  \(label)", runs: runs) { try await call(); return nil }
        }
        try await Self.report("  cả trang (tasks.overview và các lệnh trên cùng lúc)", runs: runs) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await client.call(TasksOverview.self, OverviewParams(unitId: unit), token: token) }
                for (_, call) in calls { group.addTask { try await call() } }
                try await group.waitForAll()
            }
            return nil
        }
    }

    /// Runs `body` `runs` times and prints the best, median and worst time, with what the last run said about its answer.
    static func report(_ label: String, runs: Int, _ body: () async throws -> String?) async throws {
        var samples: [Double] = []
        var said: String?
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            said = try await body()
            samples.append((ContinuousClock.now - start) / .milliseconds(1))
        }
        samples.sort()
        print(String(format: "%@: tốt nhất %.1f ms, trung vị %.1f ms, chậm nhất %.1f ms", label, samples[0], samples[samples.count / 2],
                     samples[samples.count - 1]) + (said.map { " — \($0)" } ?? ""))
    }
}
