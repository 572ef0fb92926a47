import ArgumentParser
import Foundation
import NQ57API
import NQ57Wire

/// `nq57 reminders …`: your reminders, and (admins) running today's reminders and digests now.
struct RemindersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Nhắc việc: chạy nhắc việc hôm nay, xem và đánh dấu đã đọc thông báo của bạn.",
        subcommands: [Run.self, List.self, Read.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhắc các việc đến hạn hôm nay và gửi thư tổng hợp cho từng người (quản trị); việc đã nhắc, thư đã gửi không lặp lại.")
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            let report = try await connection.authenticatedCall(TasksRemindersRun.self, Empty())
            if json { return print(PrettyJSON.format(try RawJSON.encode(report))) }
            print("Ngày \(TasksCommand.dayText(report.day)): \(report.dueItems) việc cần nhắc, \(report.raised) thông báo mới, "
                  + "\(report.mailed) thư đã gửi, \(report.mailFailed) thư chưa gửi được.")
            if let error = report.mailError { print("Lỗi gửi thư (sẽ thử lại lần chạy sau): \(error)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thông báo nhắc việc của bạn, mới nhất trước.")
        @Flag(name: .long, help: "Chỉ những thông báo chưa đọc.") var unread = false
        @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false
        @OptionGroup var connection: ClientOptions
        func run() async throws {
            let result = try await connection.authenticatedCall(TasksRemindersList.self, .init(unreadOnly: unread ? true : nil))
            if json { return print(PrettyJSON.format(try RawJSON.encode(result))) }
            print("\(result.unread) chưa đọc")
            for reminder in result.reminders {
                print([String(reminder.id), reminder.read ? " " : "•", TasksCommand.dayText(reminder.raisedOn), reminder.stageLabel,
                       reminder.message].joined(separator: "\t"))
            }
        }
    }

    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đánh dấu đã đọc: các thông báo có số này, hoặc tất cả (--all).")
        @Argument(help: "Số thông báo.") var ids: [Int64] = []
        @Flag(name: .long, help: "Tất cả thông báo của bạn.") var all = false
        @OptionGroup var connection: ClientOptions
        func validate() throws {
            guard all != !ids.isEmpty else { throw ValidationError("Cần số thông báo, hoặc --all (không cả hai).") }
        }
        func run() async throws {
            let result = try await connection.authenticatedCall(TasksRemindersMarkRead.self, .init(ids: all ? nil : ids))
            print("Còn \(result.unread) thông báo chưa đọc.")
        }
    }
}

/// `nq57 mail`: your address for the daily digest of reminders, and whether it is mailed.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Thư nhắc việc của bạn: xem, đặt địa chỉ, bật hoặc tắt thư tổng hợp hằng ngày.")
    @Option(name: .long, help: "Địa chỉ thư điện tử mới (chuỗi rỗng để xóa).") var email: String?
    @Flag(name: .long, help: "Nhận thư tổng hợp nhắc việc hằng ngày.") var on = false
    @Flag(name: .long, help: "Không nhận thư (thông báo vẫn có trên trang điều hành).") var off = false
    @OptionGroup var connection: ClientOptions
    func validate() throws {
        guard !(on && off) else { throw ValidationError("Chọn --on hoặc --off, không cả hai.") }
    }
    func run() async throws {
        let preference = email == nil && !on && !off
            ? try await connection.authenticatedCall(AuthMailGet.self, Empty())
            : try await connection.authenticatedCall(AuthMailSet.self, .init(email: email, reminders: on ? true : off ? false : nil))
        print("Địa chỉ: \(preference.email ?? "(chưa có)")")
        print("Thư tổng hợp nhắc việc: \(preference.reminders ? "bật" : "tắt")")
    }
}
