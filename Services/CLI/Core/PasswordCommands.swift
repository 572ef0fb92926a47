import ArgumentParser
import Foundation
import NQ57API
import NQ57Wire

/// `nq57 password`: change one's own password. Every session of the account ends; this one
/// goes on with the fresh login the change returns.
struct PasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Đổi mật khẩu của chính mình (hỏi mật khẩu hiện tại và mật khẩu mới, không hiện khi gõ).")

    @Flag(name: .long, help: "Đọc mật khẩu hiện tại và mật khẩu mới từ hai dòng đầu của stdin (cho script).")
    var passwordStdin = false

    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let current: String
        let new: String
        if passwordStdin {
            current = readLine(strippingNewline: true) ?? ""
            new = readLine(strippingNewline: true) ?? ""
        } else {
            current = try Self.ask("Mật khẩu hiện tại: ")
            new = try Self.ask("Mật khẩu mới (ít nhất 10 ký tự): ")
            guard try Self.ask("Nhập lại mật khẩu mới: ") == new else {
                throw CLIFailure("Hai lần nhập mật khẩu mới không khớp; mật khẩu chưa được đổi.")
            }
        }
        let login = try await connection.authenticatedCall(AuthChangePassword.self,
                                                           AuthChangePassword.Params(currentPassword: current, newPassword: new))
        try SavedSession(login).save(connection.sessionPath)
        print("Đã đổi mật khẩu của \(login.account.username); các phiên đăng nhập khác đã kết thúc.")
    }

    /// Reads a password from the terminal without echo.
    static func ask(_ prompt: String) throws -> String {
        guard let typed = getpass(prompt) else { throw CLIFailure("Không đọc được mật khẩu.") }
        return String(cString: typed)
    }
}

extension UsersCommand {
    /// `nq57 users reset-password NAME`: a temporary password that must be changed at the next login.
    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Đặt mật khẩu tạm thời cho một tài khoản (tạo ngẫu nhiên, hoặc đọc từ stdin); người dùng phải đổi khi đăng nhập.")
        @Argument(help: "Tên đăng nhập.") var username: String
        @Flag(name: .long, help: "Đọc mật khẩu tạm thời từ stdin thay vì tạo ngẫu nhiên.") var passwordStdin = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let password = passwordStdin ? readLine(strippingNewline: true) : nil
            let result = try await connection.authenticatedCall(AuthUsersResetPassword.self,
                                                                AuthUsersResetPassword.Params(username: username, password: password))
            if let temporary = result.temporaryPassword {
                print("Mật khẩu tạm thời của \(result.account.username): \(temporary)")
                print("Mật khẩu này chỉ hiện một lần; người dùng phải đổi mật khẩu khi đăng nhập.")
            } else {
                print("Đã đặt mật khẩu tạm thời cho \(result.account.username); người dùng phải đổi mật khẩu khi đăng nhập.")
            }
        }
    }
}
