import ArgumentParser
import Foundation
import NQ57API
import NQ57Calendar
import NQ57Wire

/// `nq57 comments …`: the comments on a task or a KPI report between the unit and its reviewers.
struct CommentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments", abstract: "Trao đổi ý kiến về một nhiệm vụ hoặc báo cáo chỉ tiêu giữa đơn vị và cơ quan thẩm định.",
        subcommands: [List.self, Add.self])

    /// Which item: a task (and its period), or an indicator's report of a unit for a period.
    struct Item: ParsableArguments {
        @Option(name: .long, help: "Mã đơn vị (đơn vị chủ trì, đơn vị báo cáo, hoặc đơn vị cấp trên).") var unit: String
        @Option(name: .long, help: "Mã nhiệm vụ.") var task: String?
        @Option(name: .long, help: "Mã chỉ tiêu.") var indicator: String?
        @Option(name: .long, help: "Kỳ báo cáo (2026-11, 2026-Q4 …): bắt buộc với chỉ tiêu khi gửi ý kiến.") var period: String?

        func validate() throws {
            guard (task == nil) != (indicator == nil) else { throw ValidationError("Cần --task hoặc --indicator (một trong hai).") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các ý kiến về nhiệm vụ hoặc báo cáo chỉ tiêu, cũ nhất trước.")
        @OptionGroup var item: Item
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            let list: CommentList
            if let task = item.task {
                list = try await connection.authenticatedCall(TasksCommentList.self, TaskRef(taskId: task, unitId: item.unit))
            } else {
                list = try await connection.authenticatedCall(MetricsCommentList.self, .init(indicatorId: item.indicator ?? "", unitId: item.unit,
                                                                                           period: item.period))
            }
            if json { return print(PrettyJSON.format(try RawJSON.encode(list))) }
            print("\(list.comments.count) ý kiến")
            for comment in list.comments {
                let when = TasksCommand.dayText(Day(comment.at).iso)
                print("\(when)  \(comment.role.displayName)  \(comment.username ?? "-")\(comment.period.map { "  kỳ \($0)" } ?? ""):  \(comment.text)")
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gửi một ý kiến (tối đa 4.000 ký tự).")
        @OptionGroup var item: Item
        @Option(name: .long, help: "Nội dung ý kiến.") var text: String
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            if let task = item.task {
                _ = try await connection.authenticatedCall(TasksCommentAdd.self, .init(taskId: task, unitId: item.unit, period: item.period, text: text))
            } else {
                guard let period = item.period else { throw ValidationError("Ý kiến về báo cáo chỉ tiêu cần --period.") }
                _ = try await connection.authenticatedCall(MetricsCommentAdd.self, .init(indicatorId: item.indicator ?? "", unitId: item.unit,
                                                                                           period: period, text: text))
            }
            print("Đã gửi ý kiến.")
        }
    }
}
