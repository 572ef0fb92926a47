import ArgumentParser
import Foundation
import NQ57API
import NQ57Reports
import NQ57Calendar
import NQ57Wire

/// `nq57 review …`: what waits for review.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Thẩm định: mọi việc chờ thẩm định của một đơn vị và các đơn vị trực thuộc.",
        subcommands: [Queue.self])

    /// `nq57 review queue --unit U [--kind …] [--older-than N] [--json]`.
    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hàng chờ thẩm định của đơn vị và mọi đơn vị trực thuộc (đề nghị hoàn thành nhiệm vụ, số liệu chỉ tiêu, đề nghị công khai minh chứng), cũ nhất trước; nêu rõ việc nào bạn được quyết định và vì sao không.")
        @Option(name: .long, help: "Mã đơn vị: liệt kê đơn vị này và mọi đơn vị trực thuộc.") var unit: String
        @Option(name: .long, help: "Chỉ loại này: taskClaim (đề nghị hoàn thành), kpiValue (số liệu chỉ tiêu) hoặc publication (đề nghị công khai).")
        var kind: [String] = []
        @Option(name: .long, help: "Chỉ việc đã chờ quá số ngày này.") var olderThan: Int?
        @Flag(name: .long, help: "In kết quả dạng JSON (mã đơn vị kèm tên).") var json = false
        @OptionGroup var connection: ClientOptions

        func validate() throws {
            for value in kind where ReviewQueueKind(rawValue: value) == nil {
                throw ValidationError("Loại \"\(value)\" không có: dùng taskClaim, kpiValue hoặc publication.")
            }
            if let olderThan, !(0...ReviewQueue.maximumAgeFilter).contains(olderThan) {
                throw ValidationError("--older-than phải từ 0 đến \(ReviewQueue.maximumAgeFilter).")
            }
        }

        func run() async throws {
            let kinds = kind.isEmpty ? ReviewQueueKind.allCases : kind.compactMap(ReviewQueueKind.init(rawValue:))
            let client = connection.address.makeClient()
            defer { Task { await client.close() } }
            let queue: ReviewQueueResult
            let names: [String: String]
            do {
                let token = try await connection.token(client: client)
                queue = try await Self.queue(client, kinds: kinds, params: .init(unitId: unit, olderThanDays: olderThan), token: token)
                names = try await UnitNames.load(under: unit, on: nil, from: ClientReader(connection: connection)).byId
            } catch let error as RPCError {
                throw CLIFailure(error)
            }
            if json {
                let report = NamedItems(asOf: queue.asOf, items: queue.items.map { Named(item: $0, unitName: names[$0.unitId] ?? $0.unitId) })
                return print(PrettyJSON.format(try RawJSON.encode(report)))
            }
            print(Self.table(queue, names: names))
        }

        /// Every kind's queue, merged oldest first.
        static func queue(_ client: RPCClient, kinds: [ReviewQueueKind], params: ReviewQueueParams, token: String?) async throws -> ReviewQueueResult {
            var asOf = ""
            var items: [ReviewQueueItem] = []
            for kind in kinds {
                let part: ReviewQueueResult
                switch kind {
                case .taskClaim: part = try await client.call(TasksReviewQueue.self, params, token: token)
                case .kpiValue: part = try await client.call(MetricsReviewQueue.self, params, token: token)
                case .publication: part = try await client.call(EvidenceReviewQueue.self, params, token: token)
                }
                asOf = max(asOf, part.asOf)
                items += part.items
            }
            return ReviewQueueResult(asOf: asOf, items: ReviewQueue.arranged(items, olderThan: nil))
        }

        /// The queue as a table: a count, then one row per item with the unit's name.
        static func table(_ queue: ReviewQueueResult, names: [String: String]) -> String {
            let header = "\(queue.items.count) việc chờ thẩm định, đến ngày \(TasksCommand.dayText(queue.asOf))"
            guard !queue.items.isEmpty else { return header }
            var table = AlignedTable(header: ["GỬI NGÀY", "CHỜ", "LOẠI", "ĐƠN VỊ", "NỘI DUNG", "KỲ", "QUYẾT ĐỊNH"], limits: [3: 36, 4: 60])
            table.rows = queue.items.map { item in
                [TasksCommand.dayText(item.submittedOn), "\(item.waitingDays) ngày", item.kind.label, names[item.unitId] ?? item.unitId,
                 item.title, item.period.flatMap { PeriodKey(key: $0)?.displayName } ?? "",
                 item.canDecide ? "được quyết định" : "không: \(item.whyNot ?? "")"]
            }
            return header + "\n" + table.render()
        }
    }
}
