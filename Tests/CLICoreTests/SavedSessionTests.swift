import Foundation
@testable import NQ57CLICore
import NQ57API
import Testing

/// The CLI's saved login: written for its owner only, read back whole, found where the settings say.
@Suite("Saved session")
struct SavedSessionTests {
    static func login() -> LoginResult {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        return LoginResult(accessToken: "access", accessExpiresAt: now.addingTimeInterval(900), refreshToken: "refresh",
                           refreshExpiresAt: now.addingTimeInterval(86_400),
                           account: AccountSummary(id: "acc-1", username: "cv.binhtan", displayName: "Nguyễn Văn A", unitId: "vn-75-25246",
                                                   grants: [], hasIdentity: false, lockedUntil: nil),
                           issuedAt: now)
    }

    @Test("Saved with mode 0600 in a folder of mode 0700, and loaded back the same")
    func savesPrivately() throws {
        let folder = "/tmp/nq57-cli-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/nq57/session.json"
        let session = SavedSession(Self.login())
        try session.save(path)
        let file = try FileManager.default.attributesOfItem(atPath: path)
        #expect((file[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let parent = try FileManager.default.attributesOfItem(atPath: "\(folder)/nq57")
        #expect((parent[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        let loaded = try #require(SavedSession.load(path))
        #expect(loaded.username == "cv.binhtan" && loaded.accessToken == "access" && loaded.refreshToken == "refresh")
        #expect(loaded.accessExpiresAt == session.accessExpiresAt)
        SavedSession.remove(path)
        #expect(SavedSession.load(path) == nil)
    }

    @Test("An explicit --session path wins; a file that is not a session loads as none")
    func pathAndGarbage() throws {
        #expect(SavedSession.path("/tmp/x.json") == "/tmp/x.json")
        let path = "/tmp/nq57-cli-\(UUID().uuidString.prefix(8)).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(SavedSession.load(path) == nil)
    }
}
