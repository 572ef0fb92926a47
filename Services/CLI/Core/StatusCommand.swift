import ArgumentParser
import Foundation
import NQ57API
import NQ57Wire

/// `nq57 status`: every service's health through the gateway; exit 0 only if all are up.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tình trạng từng dịch vụ qua cổng (gateway); mã thoát 0 chỉ khi tất cả đều hoạt động.")

    @Flag(name: .long, help: "In báo cáo dạng JSON.")
    var json = false

    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let client = connection.address.makeClient()
        let report: HealthReport
        do {
            // Logged in as an admin, the report shows process ids and paths; otherwise without them.
            let token = try? await connection.token(client: client)
            report = try await client.call(SysHealth.self, SysHealth.Params(), token: token ?? nil)
        } catch let error as RPCError {
            await client.close()
            if json {
                print(PrettyJSON.format(try RawJSON.encode(HealthReport(service: "gateway", status: .down, message: error.message))))
            } else {
                print("gateway   ngừng   \(error.message) (\(connection.address.socketPath))")
            }
            throw ExitCode(1)
        }
        await client.close()
        if json {
            print(PrettyJSON.format(try RawJSON.encode(report)))
        } else {
            print(StatusTable.render(report))
        }
        guard report.status == .ok else { throw ExitCode(1) }
    }
}

/// The status report as a table a person reads at a glance.
enum StatusTable {
    static func render(_ report: HealthReport) -> String {
        var lines = [row("DỊCH VỤ", "TRẠNG THÁI", "PID", "HOẠT ĐỘNG", "ĐỘ TRỄ", "GHI CHÚ")]
        for entry in [report] + (report.services ?? []) {
            lines.append(row(entry.service, label(entry.status), entry.pid.map(String.init) ?? "-",
                             entry.uptimeSeconds.map(duration) ?? "-",
                             entry.latencyMilliseconds.map { String(format: "%.2f ms", $0) } ?? "-",
                             entry.message ?? entry.database.map { "CSDL \($0.journalMode), \($0.migrations.count) migration" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    private static func label(_ status: HealthStatus) -> String {
        switch status {
        case .ok: "hoạt động"
        case .degraded: "suy giảm"
        case .down: "ngừng"
        }
    }

    private static func duration(_ seconds: Double) -> String {
        let total = Int(seconds)
        if total < 60 { return "\(total) giây" }
        if total < 3600 { return "\(total / 60) phút" }
        return "\(total / 3600) giờ \(total % 3600 / 60) phút"
    }

    private static func row(_ columns: String...) -> String {
        let widths = [10, 12, 9, 12, 11]
        var line = ""
        for (index, column) in columns.enumerated() {
            if index < widths.count {
                line += column.padding(toLength: max(widths[index], column.count + 1), withPad: " ", startingAt: 0)
            } else {
                line += column
            }
        }
        return line
    }
}
