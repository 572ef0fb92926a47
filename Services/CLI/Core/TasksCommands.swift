import ArgumentParser
import Foundation
import NQ57API
import NQ57Reports
import NQ57Wire

/// `nq57 tasks …`: the tasks API from the command line, as a table or `--json`.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "Nhiệm vụ: danh sách, chi tiết, tiến độ, gửi, thẩm định, đặt thời hạn, cảnh báo, xếp hạng, xuất CSV/XLSX, liên kết kế hoạch.",
        subcommands: [List.self, Show.self, Progress.self, Submit.self, Review.self, SetDeadline.self, Flags.self, Scores.self, Export.self, Link.self,
                      Unlink.self])

    /// Options every tasks command shares.
    struct Common: ParsableArguments {
        @Option(name: .long, help: "Mã đơn vị.") var unit: String
        @Option(name: .long, help: "Ngày xem xét (yyyy-MM-dd; mặc định hôm nay).") var asOf: String?
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions

        func output<T: Encodable>(_ value: T, table: () -> String) throws {
            print(json ? PrettyJSON.format(try RawJSON.encode(value)) : table())
        }
    }

    static func line(_ task: TaskInfo) -> String {
        let due = task.deadline.map(dayText) ?? (task.recurrence.map { "định kỳ (\($0.rawValue))" } ?? task.deadlineKindLabel)
        let flags = task.flags.map { $0.level == .red ? "🔴 \($0.rule.rawValue)" : "🟡 \($0.rule.rawValue)" }.joined(separator: " ")
        return [task.id, task.groupCode, task.stateLabel, "\(task.percent)%", due, task.leadUnitId, task.title, flags]
            .joined(separator: "\t")
    }

    /// One entry of a task's history; a deadline decision shows the previous and the new deadline.
    static func historyLine(_ event: TaskEventInfo) -> String {
        let change = event.newDeadline.map { " \(event.previousDeadline.map(dayText) ?? "chưa có") → \(dayText($0))" } ?? ""
        return "  #\(event.seq) \(event.kind.displayName) \(event.username ?? "-") \(event.percent.map { "\($0)%" } ?? "")\(change) \(event.note ?? "")"
    }

    static func dayText(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2])/\(parts[1])/\(parts[0])" : iso
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhiệm vụ của đơn vị và các đơn vị trực thuộc.")
        @Option(name: .long, help: "Chỉ kế hoạch này (nhiệm vụ của nó và nhiệm vụ được gắn vào).") var plan: String?
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(TasksList.self, .init(
                unitId: common.unit, planId: plan, asOf: common.asOf, programme: filter.programme))
            try await common.output(result, sheet: TaskSheets.tasks(result.tasks))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Một nhiệm vụ và lịch sử của nó.")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @OptionGroup var common: Common
        func run() async throws {
            let ref = TaskRef(taskId: task, unitId: common.unit, asOf: common.asOf)
            let info = try await common.connection.authenticatedCall(TasksGet.self, ref)
            let history = try await common.connection.authenticatedCall(TasksHistory.self, ref)
            try common.output(info) {
                ([TasksCommand.line(info), "  Thời hạn: \(info.timeText.isEmpty ? "văn bản không nêu" : "\"\(info.timeText)\"")"]
                    + (info.deadlineNote.map { ["  \($0)"] } ?? []) + info.flags.map { "  \($0.ruleText) từ \(TasksCommand.dayText($0.since)): \($0.detail)" }
                    + history.events.map(TasksCommand.historyLine))
                    .joined(separator: "\n")
            }
        }
    }

    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Báo cáo tiến độ (phần trăm, ghi chú, khó khăn).")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(name: .long, help: "Tiến độ 0…100.") var percent: Int
        @Option(name: .long, help: "Ghi chú.") var note: String?
        @Option(name: .long, help: "Khó khăn, vướng mắc.") var difficulties: String?
        @OptionGroup var common: Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(TasksProgress.self, .init(
                taskId: task, unitId: common.unit, percent: percent, note: note, difficulties: difficulties))
            try common.output(info) { TasksCommand.line(info) }
        }
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Người đứng đầu gửi đề nghị hoàn thành để thẩm định.")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(name: .long, help: "Kỳ báo cáo (nhiệm vụ thường xuyên).") var period: String?
        @OptionGroup var common: Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(TasksSubmit.self, .init(taskId: task, unitId: common.unit, period: period))
            try common.output(info) { TasksCommand.line(info) }
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thẩm định: chấp nhận, hoặc trả lại kèm lý do.")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(name: .long, help: "accept hoặc sendBack.") var decision: String
        @Option(name: .long, help: "Lý do trả lại.") var reason: String?
        @Option(name: .long, help: "Kỳ báo cáo (nhiệm vụ thường xuyên).") var period: String?
        @OptionGroup var common: Common
        func run() async throws {
            guard let parsed = ReviewDecision(rawValue: decision) else { throw CLIFailure("Quyết định phải là accept hoặc sendBack.") }
            let info = try await common.connection.authenticatedCall(TasksReview.self, .init(
                taskId: task, unitId: common.unit, decision: parsed, reason: reason, period: period))
            try common.output(info) { TasksCommand.line(info) }
        }
    }

    struct SetDeadline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-deadline",
            abstract: "Quyết định (đặt hoặc đổi) thời hạn của nhiệm vụ, kèm lý do; lịch sử ghi người, thời điểm và thời hạn trước đó.")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(name: .long, help: "Thời hạn mới (yyyy-MM-dd).") var deadline: String
        @Option(name: .long, help: "Lý do (bắt buộc).") var reason: String
        @OptionGroup var common: Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(TasksSetDeadline.self, .init(
                taskId: task, unitId: common.unit, deadline: deadline, reason: reason))
            try common.output(info) { TasksCommand.line(info) }
        }
    }

    struct Flags: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cảnh báo đỏ và cảnh báo vàng của đơn vị và các đơn vị trực thuộc.")
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: Common
        func run() async throws {
            let result = try await common.connection.authenticatedCall(TasksFlags.self, UnitAsOf(
                unitId: common.unit, asOf: common.asOf, programme: filter.programme))
            try await common.output(result, sheet: TaskSheets.flags(result).removingColumn(titled: "Ngày số liệu"))
        }
    }

    struct Scores: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Điểm và xếp hạng các đơn vị trực thuộc (bảng có tên đơn vị; --json cho chương trình).")
        @OptionGroup var filter: ProgrammeFilter
        @OptionGroup var common: Common
        @Option(name: .long, help: "Tính theo phiên bản cách tính này (1 hoặc 2; mặc định: phiên bản hiện hành) để tính lại điểm của một ngày đã qua.")
        var formulaVersion: Int?
        func run() async throws {
            let result = try await common.connection.authenticatedCall(TasksScores.self, UnitAsOf(
                unitId: common.unit, asOf: common.asOf, programme: filter.programme, formulaVersion: formulaVersion))
            if common.json {
                try common.output(result) { "" }
                return
            }
            let names = try await UnitNames.load(under: common.unit, on: common.asOf, from: ClientReader(connection: common.connection))
            print(ScoresTable.text(result, names: names.byId))
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gắn nhiệm vụ vào một kế hoạch khác (báo cáo một lần, hiện ở cả hai kế hoạch); --unit là đơn vị ban hành kế hoạch.")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(name: .long, help: "Mã kế hoạch được gắn vào.") var plan: String
        @OptionGroup var common: Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(TasksPlanLink.self, .init(planId: plan, taskId: task, unitId: common.unit))
            try common.output(info) { TasksCommand.line(info) }
        }
    }

    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bỏ gắn nhiệm vụ khỏi một kế hoạch (không phải kế hoạch gốc của nó).")
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(name: .long, help: "Mã kế hoạch.") var plan: String
        @OptionGroup var common: Common
        func run() async throws {
            let info = try await common.connection.authenticatedCall(TasksPlanUnlink.self, .init(planId: plan, taskId: task, unitId: common.unit))
            try common.output(info) { TasksCommand.line(info) }
        }
    }
}
