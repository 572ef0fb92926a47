import ArgumentParser
import Foundation
import NQ57API
import NQ57Reports
import NQ57Sheets

extension TasksCommand {
    /// `nq57 tasks export`: tasks, flags or the ranking as CSV or XLSX, unit names beside their codes.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xuất danh sách nhiệm vụ, cảnh báo hoặc xếp hạng ra CSV hoặc XLSX (tên đơn vị kèm mã, số chính xác, ngày dd/MM/yyyy).")

        @Option(name: .long, help: "tasks (nhiệm vụ), flags (cảnh báo) hoặc scores (xếp hạng).") var view: String
        @Option(name: .long, help: "csv hoặc xlsx.") var format: ExportFormat = .csv
        @Option(name: .shortAndLong, help: "Ghi vào tệp này (mặc định: tên do hệ thống đặt, trong thư mục hiện tại).") var output: String?
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: Common

        func run() async throws {
            guard let view = TaskSheets.View(rawValue: view) else { throw CLIFailure("Dạng xuất phải là tasks, flags hoặc scores.") }
            let reader = ClientReader(connection: common.connection)
            let scope = UnitAsOf(unitId: common.unit, asOf: common.asOf, programme: filter.programme)
            let sheet: Sheet
            let asOf: String
            switch view {
            case .tasks:
                let result = try await reader.call(TasksList.self, .init(unitId: common.unit, asOf: common.asOf, programme: filter.programme))
                sheet = TaskSheets.tasks(result.tasks)
                if let day = common.asOf { asOf = day } else { asOf = await reader.today().iso }
            case .flags:
                let result = try await reader.call(TasksFlags.self, scope)
                sheet = TaskSheets.flags(result)
                asOf = result.asOf
            case .scores:
                let result = try await reader.call(TasksScores.self, scope)
                sheet = TaskSheets.scores(result)
                asOf = result.asOf
            }
            let names = try await UnitNames.load(under: common.unit, on: asOf, from: reader)
            let named = sheet.namingUnits(names.name)
            let stem = ["nhiem-vu", "canh-bao", "xep-hang"][TaskSheets.View.allCases.firstIndex(of: view)!]
            let path = output ?? format.fileName("\(stem)-\(common.unit)-\(asOf)")
            try format.write(Workbook(title: "\(named.name) — \(names.label(common.unit))", sheets: [named]), to: path)
            print("Đã ghi \(named.rows.count) dòng vào \(path)")
        }
    }
}
