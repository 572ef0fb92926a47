import ArgumentParser
import Foundation
import NQ57API
import NQ57Reports
import NQ57Wire

/// `nq57 my-work`: Việc của tôi, for staff and heads.
struct MyWorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "my-work",
        abstract: "Việc của tôi: việc bị trả lại (kèm lý do), quá hạn, đến hạn và đang soạn chờ gửi, của các đơn vị bạn là chuyên viên hoặc người đứng đầu.")
    @Option(name: .long, help: "Chỉ đơn vị này và các đơn vị trực thuộc.") var unit: String?
    @Flag(name: .long, help: "In kết quả dạng JSON (mã đơn vị kèm tên).") var json = false
    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let client = connection.address.makeClient()
        defer { Task { await client.close() } }
        let work: MyWorkResult
        let names: [String: String]
        do {
            let token = try await connection.token(client: client)
            let tasks = try await client.call(TasksMyWork.self, .init(unitId: unit), token: token)
            let kpis = try await client.call(MetricsMyWork.self, .init(unitId: unit), token: token)
            work = MyWorkResult(asOf: max(tasks.asOf, kpis.asOf), items: MyWork.arranged(tasks.items + kpis.items))
            names = try await UnitNames.load(under: unit, on: nil, from: ClientReader(connection: connection)).byId
        } catch let error as RPCError {
            throw CLIFailure(error)
        }
        if json {
            let report = NamedItems(asOf: work.asOf, items: work.items.map { Named(item: $0, unitName: names[$0.unitId] ?? $0.unitId) })
            return print(PrettyJSON.format(try RawJSON.encode(report)))
        }
        print(Self.text(work, names: names))
    }

    /// Each section with its count, then its rows; sent back first, with the reason.
    static func text(_ work: MyWorkResult, names: [String: String]) -> String {
        var lines = ["Việc của tôi, đến ngày \(TasksCommand.dayText(work.asOf))"]
        for section in WorkSection.allCases {
            let items = work.items.filter { $0.section == section }
            lines.append("")
            lines.append("\(section.label) (\(items.count)) — \(section.detail)")
            guard !items.isEmpty else { continue }
            var table = AlignedTable(header: ["HẠN", "TRỄ", "ĐƠN VỊ", "VIỆC", section == .sentBack ? "LÝ DO TRẢ LẠI" : "GHI CHÚ"],
                                     limits: [2: 36, 3: 70])
            table.rows = items.map { item in
                [item.dueOn.map(TasksCommand.dayText) ?? "—", item.daysLate > 0 ? "\(item.daysLate) ngày" : "",
                 names[item.unitId] ?? item.unitId, item.title,
                 section == .sentBack ? (item.reason ?? "") : item.missedPeriods.map { "thiếu \($0) kỳ" } ?? ""]
            }
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }
}
