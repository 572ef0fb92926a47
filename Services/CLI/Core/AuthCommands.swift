import ArgumentParser
import Foundation
import NQ57API
import NQ57Calendar
import NQ57Wire

/// `nq57 login`: a password login; the session is saved for later commands.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Đăng nhập bằng tên đăng nhập và mật khẩu; phiên được lưu cho các lệnh sau.")

    @Option(name: .long, help: "Tên đăng nhập.")
    var user: String

    @Flag(name: .long, help: "Đọc mật khẩu từ dòng đầu của stdin (cho script).")
    var passwordStdin = false

    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let password: String
        if passwordStdin {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            guard let typed = getpass("Mật khẩu: ") else { throw CLIFailure("Không đọc được mật khẩu.") }
            password = String(cString: typed)
        }
        let client = connection.address.makeClient()
        defer { Task { await client.close() } }
        let login: LoginResult
        do {
            login = try await client.call(AuthLogin.self, AuthLogin.Params(username: user, password: password))
        } catch let error as RPCError {
            throw CLIFailure(error)
        }
        try SavedSession(login).save(connection.sessionPath)
        print("Đã đăng nhập: \(login.account.displayName) (\(login.account.username)).")
        if login.mustChangePassword {
            print("Bạn cần đổi mật khẩu trước khi tiếp tục: chạy \"nq57 password\".")
        }
    }
}

/// `nq57 logout`: ends the session everywhere and forgets it here.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Đăng xuất: kết thúc phiên ở mọi nơi.")

    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let client = connection.address.makeClient()
        defer { Task { await client.close() } }
        if let token = try? await connection.token(client: client) {
            _ = try? await client.call(AuthLogout.self, Empty(), token: token)
        }
        SavedSession.remove(connection.sessionPath)
        print("Đã đăng xuất.")
    }
}

/// `nq57 whoami`: the logged-in account and its roles.
struct WhoAmICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Tài khoản đang đăng nhập và vai trò.")

    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let account = try await connection.authenticatedCall(AuthWhoAmI.self, Empty())
        print("\(account.displayName) (\(account.username)), đơn vị \(account.unitId)")
        for grant in account.grants {
            print("  \(grant.role.displayName) tại \(grant.unitId)")
        }
        if account.mustChangePassword {
            print("Bạn cần đổi mật khẩu trước khi tiếp tục: chạy \"nq57 password\".")
        }
    }
}

/// `nq57 users …`: accounts and roles.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Tài khoản và vai trò.",
        subcommands: [Add.self, Grant.self, Revoke.self, ResetPassword.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tạo tài khoản (mật khẩu đọc từ stdin nếu có --password-stdin).")
        @Argument(help: "Tên đăng nhập.") var username: String
        @Option(name: .long, help: "Họ tên.") var name: String
        @Option(name: .long, help: "Mã đơn vị.") var unit: String
        @Option(name: .long, help: "Số định danh cá nhân (12 chữ số), để đăng nhập bằng VNeID.") var personalNumber: String?
        @Option(name: .long, help: "Địa chỉ thư điện tử nhận thư nhắc việc.") var email: String?
        @Flag(name: .long, help: "Đọc mật khẩu ban đầu từ stdin.") var passwordStdin = false
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let password = passwordStdin ? readLine(strippingNewline: true) : nil
            let account = try await connection.authenticatedCall(AuthUsersAdd.self, AuthUsersAdd.Params(
                username: username, displayName: name, unitId: unit, password: password, personalNumber: personalNumber, email: email))
            print("Đã tạo tài khoản \(account.username) tại \(account.unitId).")
        }
    }

    /// Who, which role, where: the arguments of grant and revoke.
    struct RoleChange: ParsableArguments {
        @Argument(help: "Tên đăng nhập.") var username: String
        @Argument(help: "Vai trò: staff, head, reviewer, steering, inspector, admin.") var role: String
        @Option(name: .long, help: "Mã đơn vị.") var unit: String
        @OptionGroup var connection: ClientOptions

        /// Sends the change with `method` and prints the account's roles after it.
        func apply<M: APIMethod>(_ method: M.Type) async throws where M.Params == GrantParams, M.Result == AccountSummary {
            guard let parsed = Role(rawValue: role) else { throw CLIFailure("Vai trò \"\(role)\" không có.") }
            let account = try await connection.authenticatedCall(method, GrantParams(username: username, role: parsed, unitId: unit))
            print("\(account.username): " + account.grants.map { "\($0.role.rawValue)@\($0.unitId)" }.joined(separator: ", "))
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cấp vai trò tại một đơn vị.")
        @OptionGroup var change: RoleChange
        func run() async throws { try await change.apply(AuthUsersGrant.self) }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thu hồi vai trò tại một đơn vị.")
        @OptionGroup var change: RoleChange
        func run() async throws { try await change.apply(AuthUsersRevoke.self) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tài khoản của một đơn vị và các đơn vị trực thuộc.")
        @Option(name: .long, help: "Mã đơn vị (mặc định vn).") var unit: String = "vn"
        @OptionGroup var connection: ClientOptions

        func run() async throws {
            let result = try await connection.authenticatedCall(AuthUsersList.self, AuthUsersList.Params(unitId: unit))
            for account in result.accounts {
                let roles = account.grants.map { "\($0.role.rawValue)@\($0.unitId)" }.joined(separator: ", ")
                print("\(account.username)\t\(account.displayName)\t\(account.unitId)\t\(roles)")
            }
        }
    }
}

/// `nq57 audit`: the audit log, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Nhật ký kiểm tra (mới nhất trước).")
    @Option(name: .long, help: "Mã đơn vị (mặc định vn).") var unit: String = "vn"
    @Option(name: .long, help: "Chỉ hành động này (login, loginFailed, lockout, grant, revoke, call …).") var action: String?
    @Option(name: .long, help: "Chỉ tài khoản này.") var user: String?
    @Option(name: .long, help: "Số dòng tối đa.") var limit: Int = 50
    @OptionGroup var connection: ClientOptions

    func run() async throws {
        let result = try await connection.authenticatedCall(AuthAuditList.self, AuthAuditList.Params(
            unitId: unit, action: action, username: user, limit: limit))
        for entry in result.entries {
            print([String(entry.seq), VietnamTime.dateTime(entry.at), entry.username ?? "-", entry.action,
                   entry.method ?? "-", entry.target ?? "-", entry.outcome].joined(separator: "\t"))
        }
    }
}

extension ClientOptions {
    /// Calls with the saved login's token; an error reply becomes the CLI's one-line failure.
    func authenticatedCall<M: APIMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
        let client = address.makeClient()
        defer { Task { await client.close() } }
        do {
            let token = try await token(client: client)
            return try await client.call(method, params, token: token)
        } catch let error as RPCError {
            throw CLIFailure(error)
        }
    }
}
