import ArgumentParser
import Foundation
import NQ57API
import NQ57Wire

/// `nq57 explain …`: requests for explanation about red flags (yêu cầu giải trình).
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Yêu cầu giải trình: yêu cầu đơn vị giải trình một cảnh báo đỏ, trả lời, xem danh sách.",
        subcommands: [Request.self, Answer.self, List.self])

    static func line(_ info: ExplanationInfo) -> String {
        [info.id, info.stateLabel, info.unitId, "\(info.kind.rawValue):\(info.itemId)", info.rule, "hạn \(TasksCommand.dayText(info.dueOn))",
         info.question, info.answer.map { "→ \($0)" } ?? ""].joined(separator: "\t")
    }

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Yêu cầu đơn vị giải trình một cảnh báo đỏ (Ban Chỉ đạo, Ủy ban Kiểm tra).")
        @Option(name: .long, help: "Đơn vị phải giải trình.") var unit: String
        @Option(name: .long, help: "Nhiệm vụ có cảnh báo.") var task: String?
        @Option(name: .long, help: "Chỉ tiêu có cảnh báo.") var indicator: String?
        @Option(name: .long, help: "Quy tắc cảnh báo (overdue, sentBack, missingReport, behindRoadmap …).") var rule: String
        @Option(name: .long, help: "Kỳ báo cáo, nếu cảnh báo về một kỳ.") var period: String?
        @Option(name: .long, help: "Hạn giải trình (yyyy-MM-dd).") var by: String
        @Option(name: .long, help: "Nội dung yêu cầu.") var question: String
        @OptionGroup var connection: ClientOptions
        func validate() throws {
            guard (task == nil) != (indicator == nil) else { throw ValidationError("Cần --task hoặc --indicator (một trong hai).") }
        }
        func run() async throws {
            let info = try await connection.authenticatedCall(TasksExplanationRequest.self, .init(
                unitId: unit, kind: task != nil ? .task : .kpi, itemId: task ?? indicator ?? "", rule: rule, period: period, question: question,
                dueOn: by))
            print(ExplainCommand.line(info))
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trả lời yêu cầu giải trình (người đứng đầu đơn vị).")
        @Argument(help: "Số yêu cầu.") var request: String
        @Option(name: .long, help: "Đơn vị của bạn.") var unit: String
        @Option(name: .long, help: "Nội dung giải trình.") var text: String
        @Option(name: .long, help: "Mã minh chứng (có thể lặp lại).") var evidence: [String] = []
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            let info = try await connection.authenticatedCall(TasksExplanationAnswer.self, .init(
                requestId: request, unitId: unit, answer: text, evidenceIds: evidence.isEmpty ? nil : evidence))
            print(ExplainCommand.line(info))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các yêu cầu giải trình của đơn vị và các đơn vị trực thuộc.")
        @Option(name: .long, help: "Mã đơn vị.") var unit: String
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            let result = try await connection.authenticatedCall(TasksExplanationList.self, .init(unitId: unit))
            if json { return print(PrettyJSON.format(try RawJSON.encode(result))) }
            if result.requests.isEmpty { return print("Không có yêu cầu giải trình nào.") }
            try await connection.printTables([ListSheets.explanations(result.requests)], under: unit)
        }
    }
}
