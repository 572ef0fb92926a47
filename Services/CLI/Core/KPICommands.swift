import ArgumentParser
import Foundation
import MetricsCore
import NQ57API
import NQ57Sheets
import NQ57Wire

/// `nq57 kpi …`: indicators, reported values, review, roll-ups and exports from the command line.
struct KPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi", abstract: "Chỉ tiêu: danh sách, chi tiết, báo cáo số liệu, gửi, thẩm định, tổng hợp, cảnh báo, xuất CSV hoặc XLSX.",
        subcommands: [List.self, Show.self, Report.self, Submit.self, Review.self, RollUp.self, Series.self, Flags.self,
                      Dashboard.self, Export.self])

    static func line(_ status: IndicatorStatusInfo) -> String {
        [status.programme, status.code, status.statusText, status.valueText ?? "-", status.target ?? "-", status.milestone ?? "-", status.unitId, status.name]
            .joined(separator: "\t")
    }

    static func line(_ report: ReportInfo) -> String {
        [report.period, report.stateLabel, "\(report.value)", "v\(report.version)", report.acceptedValue.map { "tính: \($0)" } ?? "chưa tính",
         report.reason ?? ""].joined(separator: "\t")
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chỉ tiêu của đơn vị, cấp trên và các đơn vị trực thuộc.")
        @Option(name: .long, help: "Chỉ nhóm này.") var group: String?
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(MetricsIndicatorList.self, .init(
                unitId: common.unit, group: group, programme: filter.programme))
            try await common.output(result, sheet: ListSheets.indicators(result.indicators))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Một chỉ tiêu: mục tiêu, tình trạng của đơn vị và các kỳ đã báo cáo.")
        @Argument(help: "Mã chỉ tiêu (kpi-…).") var indicator: String
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(MetricsIndicatorGet.self, .init(indicatorId: indicator, unitId: common.unit,
                                                                                                       asOf: common.asOf))
            try common.output(result) {
                ([KPICommand.line(result.status), "  \(result.status.explanation)"]
                    + result.indicator.targets.map { "  mốc \($0.milestone): \($0.target ?? "chưa rõ") (\($0.unitId))" }
                    + result.reports.map { "  " + KPICommand.line($0) }).joined(separator: "\n")
            }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập số liệu của kỳ (tử số và mẫu số nếu là tỷ lệ), kèm minh chứng.")
        @Argument(help: "Mã chỉ tiêu.") var indicator: String
        @Option(name: .long, help: "Kỳ: 2025-11, 2025-Q3, 2025-H2 hoặc 2025.") var period: String
        @Option(name: .long, help: "Giá trị.") var value: Double?
        @Option(name: .long, help: "Tử số.") var numerator: Double?
        @Option(name: .long, help: "Mẫu số.") var denominator: Double?
        @Option(name: .long, help: "Ghi chú.") var note: String?
        @Option(name: .long, help: "Mã minh chứng (lặp lại cho nhiều tệp).") var evidence: [String] = []
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(MetricsReport.self, .init(
                indicatorId: indicator, unitId: common.unit, period: period, value: value, numerator: numerator, denominator: denominator,
                note: note, evidenceIds: evidence))
            try common.output(info) { KPICommand.line(info) }
        }
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Người đứng đầu gửi số liệu để thẩm định.")
        @Argument(help: "Mã chỉ tiêu.") var indicator: String
        @Option(name: .long, help: "Kỳ báo cáo.") var period: String
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(MetricsSubmit.self, .init(indicatorId: indicator, unitId: common.unit, period: period))
            try common.output(info) { KPICommand.line(info) }
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thẩm định số liệu: chấp nhận, hoặc trả lại kèm lý do.")
        @Argument(help: "Mã chỉ tiêu.") var indicator: String
        @Option(name: .long, help: "Kỳ báo cáo.") var period: String
        @Option(name: .long, help: "accept hoặc sendBack.") var decision: String
        @Option(name: .long, help: "Lý do trả lại.") var reason: String?
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            guard let parsed = ReviewDecision(rawValue: decision) else { throw CLIFailure("Quyết định phải là accept hoặc sendBack.") }
            let info = try await common.connection.authenticatedCall(MetricsReview.self, .init(
                indicatorId: indicator, unitId: common.unit, period: period, decision: parsed, reason: reason))
            try common.output(info) { KPICommand.line(info) }
        }
    }

    struct RollUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rollup", abstract: "Tổng hợp từ các đơn vị trực thuộc, xếp hạng, nêu đơn vị chưa báo cáo.")
        @Argument(help: "Mã chỉ tiêu.") var indicator: String
        @Option(name: .long, help: "Kỳ (mặc định: kỳ đã đến hạn gần nhất).") var period: String?
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(MetricsRollUp.self, .init(
                indicatorId: indicator, unitId: common.unit, period: period, asOf: common.asOf))
            if !common.json { print(result.explanation) }
            try await common.output(result, sheet: Exports.sheet(result))
        }
    }

    struct Series: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Giá trị theo từng kỳ và giá trị theo lộ trình.")
        @Argument(help: "Mã chỉ tiêu.") var indicator: String
        @Option(name: .long, help: "Kỳ đầu.") var from: String?
        @Option(name: .long, help: "Kỳ cuối.") var to: String?
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(MetricsSeries.self, .init(
                indicatorId: indicator, unitId: common.unit, from: from, to: to, asOf: common.asOf))
            try common.output(result) {
                result.points.map { "\($0.periodText)\t\($0.value.valueText ?? "-")\t\($0.expected.map { String(format: "%.2f", $0) } ?? "-")" }
                    .joined(separator: "\n")
            }
        }
    }

    struct Flags: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cảnh báo đỏ và vàng về chỉ tiêu của đơn vị và các đơn vị trực thuộc.")
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(MetricsFlags.self, UnitAsOf(
                unitId: common.unit, asOf: common.asOf, programme: filter.programme))
            try await common.output(result, sheet: Exports.sheet(result).removingColumn(titled: "Ngày số liệu"))
        }
    }

    struct Dashboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tình trạng mọi chỉ tiêu của đơn vị theo nhóm, số chỉ tiêu đỏ của đơn vị trực thuộc.")
        @Option(name: .long, help: "Chỉ nhóm này.") var group: String?
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(MetricsDashboard.self, .init(
                unitId: common.unit, group: group, asOf: common.asOf, programme: filter.programme))
            let below = Sheet(name: "Đơn vị trực thuộc", columns: [SheetColumn("Mã đơn vị trực thuộc", .unit), SheetColumn("Chỉ tiêu đỏ", .integer)],
                              rows: result.redBelow.filter { $0.red > 0 }.map { [.text($0.key), .integer($0.red)] })
            try await common.output(result, sheet: Exports.sheet(result).removingColumn(titled: "Ngày số liệu").removingColumn(titled: "Giải thích"),
                                    after: [below])
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xuất CSV (UTF-8 có BOM, ngày dd/MM/yyyy, dấu phẩy thập phân) hoặc XLSX (ô số và ô ngày đúng kiểu) để mở bằng Excel.")
        @Option(name: .long, help: "dashboard, series, rollup hoặc flags.") var view: String
        @Option(name: .long, help: "Mã chỉ tiêu (series, rollup).") var indicator: String?
        @Option(name: .long, help: "Kỳ (rollup).") var period: String?
        @Option(name: .long, help: "Kỳ đầu (series).") var from: String?
        @Option(name: .long, help: "Kỳ cuối (series).") var to: String?
        @Option(name: .long, help: "Nhóm (dashboard).") var group: String?
        @Option(name: .long, help: "csv hoặc xlsx.") var format: ExportFormat = .csv
        @Option(name: .shortAndLong, help: "Ghi vào tệp này (mặc định: tên do hệ thống đặt, trong thư mục hiện tại).") var output: String?
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: TasksCommand.Common
        func run() async throws {
            guard let parsed = ExportView(rawValue: view) else { throw CLIFailure("Dạng xuất phải là dashboard, series, rollup hoặc flags.") }
            let result = try await common.connection.authenticatedCall(MetricsExport.self, .init(
                view: parsed, unitId: common.unit, indicatorId: indicator, period: period, from: from, to: to, group: group, asOf: common.asOf,
                programme: filter.programme))
            let path = output ?? format.fileName(result.fileName)
            switch format {
            case .csv: try Data(result.csv.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            case .xlsx:
                guard let table = result.table else { throw CLIFailure("Dịch vụ chỉ tiêu chưa trả bảng có kiểu (bản cũ): chỉ xuất được CSV.") }
                try format.write(Workbook(title: table.name, sheets: [table]), to: path)
            }
            print("Đã ghi \(result.rows) dòng vào \(path)")
        }
    }
}

/// `nq57 ops-metrics`: the Prometheus text of every service's request counts, errors and latency.
struct OpsMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ops-metrics", abstract: "Số liệu vận hành (yêu cầu, lỗi, độ trễ theo phương thức) dạng Prometheus.")
    @Option(name: .long, help: "Chỉ dịch vụ này (auth, tasks, evidence, metrics).") var service: String?
    @OptionGroup var connection: ClientOptions
    func run() async throws {
        let target = try service.map { name in
            guard let parsed = ServiceName(rawValue: name) else { throw CLIFailure("Không có dịch vụ \"\(name)\".") }
            return parsed
        }
        // Public: a saved login is sent if there is one, and none is needed.
        let result = try await connection.authenticatedCall(SysMetrics.self, SysMetrics.Params(service: target))
        print(result.text, terminator: "")
        if !result.missing.isEmpty {
            FileHandle.standardError.write(Data("Không trả lời: \(result.missing.joined(separator: ", "))\n".utf8))
        }
    }
}
