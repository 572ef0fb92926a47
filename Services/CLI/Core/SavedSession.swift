import Foundation
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The CLI's login, kept between commands in a file only its owner can read
/// (`--session FILE`, `NQ57_SESSION`, default `~/.config/nq57/session.json`).
struct SavedSession: Codable {
    var username: String
    var accessToken: String
    var accessExpiresAt: Date
    var refreshToken: String
    var refreshExpiresAt: Date
    /// The server's clock minus this machine's when the token was issued (seconds): a system
    /// started with `nq57 up --now` issues tokens in its own time, and expiry is judged in it.
    var serverOffset: TimeInterval?

    init(_ login: LoginResult) {
        username = login.account.username
        accessToken = login.accessToken
        accessExpiresAt = login.accessExpiresAt
        refreshToken = login.refreshToken
        refreshExpiresAt = login.refreshExpiresAt
        serverOffset = login.issuedAt?.timeIntervalSinceNow
    }

    /// The server's time now, as far as this session knows.
    var serverNow: Date { Date().addingTimeInterval(serverOffset ?? 0) }

    /// Where the session file is: `explicit` (`--session`), else `NQ57_SESSION`, else under
    /// `XDG_CONFIG_HOME` or `~/.config`.
    static func path(_ explicit: String?) -> String {
        CommandSettings.resolve([(SettingsCatalog.session, explicit)]).sessionFile
    }

    static func load(_ path: String) -> SavedSession? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONCoding.decoder().decode(SavedSession.self, from: data)
    }

    /// Writes the file with mode 0600 (created that way, never readable by others even briefly).
    func save(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let data = try JSONCoding.encoder().encode(self)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CLIFailure("Không ghi được tệp phiên đăng nhập \(path).")
        }
        guard rename(temporary, path) == 0 else {
            throw CLIFailure("Không ghi được tệp phiên đăng nhập \(path) (lỗi \(errno)).")
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A usable access token: the saved one, or a refreshed one when it is about to expire.
    static func token(path: String, client: RPCClient) async throws -> String? {
        guard var session = load(path) else { return nil }
        if session.accessExpiresAt.timeIntervalSince(session.serverNow) > 15 { return session.accessToken }
        guard session.refreshExpiresAt > session.serverNow else { return nil }
        let renewed = try await client.call(AuthRefresh.self, AuthRefresh.Params(refreshToken: session.refreshToken))
        session = SavedSession(renewed)
        try session.save(path)
        return session.accessToken
    }
}
