import ArgumentParser
import Foundation
import NQ57API
import NQ57Reports
import NQ57Wire
import NQ57XLSX

/// `nq57 report`: a unit's periodic report for a month or a quarter, as XLSX or JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo định kỳ của một đơn vị cho một tháng hoặc một quý: nhiệm vụ theo trạng thái, cảnh báo đỏ và giải trình, chỉ tiêu so với mục tiêu, minh chứng (SHA-256, thẩm định).")

    /// The report's file formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case xlsx, json }

    @Option(name: .long, help: "Mã đơn vị.") var unit: String
    @Option(name: .long, help: "Kỳ: một tháng (2026-11) hoặc một quý (2026-Q4).") var period: String
    @Option(name: .long, help: "xlsx (mỗi phần một trang tính) hoặc json.") var format: Format = .xlsx
    @Option(name: .shortAndLong, help: "Ghi vào tệp này (mặc định: bao-cao-ĐƠN-VỊ-KỲ.xlsx trong thư mục hiện tại).") var output: String?
    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let reader = ClientReader(connection: connection)
        let report: PeriodicReport
        do {
            report = try await PeriodicReportBuilder(reader: reader, today: await reader.today()).build(unitId: unit, period: period)
        } catch let error as RPCError {
            throw CLIFailure(error)
        }
        let path = output ?? "bao-cao-\(report.unitId)-\(report.period).\(format.rawValue)"
        switch format {
        case .xlsx: try XLSXWriter.data(report.workbook).write(to: URL(fileURLWithPath: path), options: .atomic)
        case .json: try Data(PrettyJSON.format(try RawJSON.encode(report)).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        let counts = report.parts.map { "\($0.name): \($0.rows.count)" }.joined(separator: ", ")
        print("Đã ghi \(report.title) vào \(path) (\(counts)).")
    }
}
