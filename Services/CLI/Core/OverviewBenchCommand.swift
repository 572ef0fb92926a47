import ArgumentParser
import Foundation
import NQ57API

/// `nq57 bench overview`: how long the overview's data takes on a running system (the demo: `nq57 up --demo`),
/// through the gateway, as the console asks for it: `tasks.overview` today and on a past day (states replayed).
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
        let cases: [(String, String?)] = [("hôm nay", nil), ("ngày \(TasksCommand.dayText(pastDay)) (tính lại theo lịch sử)", pastDay)]
        for (label, asOf) in cases {
            var samples: [Double] = []
            var answer: TasksOverview.Result?
            for _ in 0..<max(1, runs) {
                let start = ContinuousClock.now
                answer = try await client.call(TasksOverview.self, OverviewParams(unitId: unit, asOf: asOf), token: token)
                samples.append((ContinuousClock.now - start) / .milliseconds(1))
            }
            samples.sort()
            let figures = answer.map { "\($0.headline.tasks) nhiệm vụ, \($0.headline.red) cờ đỏ, \($0.flagGroups.count) nhóm cờ, \($0.units.count) đơn vị" } ?? ""
            print(String(format: "  %@: tốt nhất %.1f ms, trung vị %.1f ms, chậm nhất %.1f ms — %@", label, samples[0], samples[samples.count / 2],
                         samples[samples.count - 1], figures))
        }
    }
}
