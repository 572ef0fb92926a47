import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// `nq57 seed` loads seeds/ through the gateway, and a second run changes nothing.
@Suite(.serialized)
struct SeedTests {
    /// The repository's seeds folder, found from this file's path.
    static var seedsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds").path
    }

    @Test("Seeding twice: the units and plans arrive once; the second run says nothing changed")
    func idempotent() async throws {
        let system = try await TestSystem()
        let common = ["--data", system.root, "--session", "\(system.root)/admin.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common, input: TestSystem.adminPassword + "\n")
        #expect(login.status == 0)

        let first = try await ChildProcess.run("nq57", ["seed", "--seeds", Self.seedsFolder] + common, timeout: 120)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Đơn vị: 114 mới"))
        let second = try await ChildProcess.run("nq57", ["seed", "--seeds", Self.seedsFolder] + common, timeout: 120)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Không có gì thay đổi"))

        let token = try await system.login()
        let units = try await system.client.call(AuthUnitsList.self, .init(under: "vn-75", asOf: "2025-12-15"), token: token).units
        #expect(units.filter { $0.kind == .commune }.count == 95)
        #expect(units.first { $0.id == "vn-75-25246" }?.name == "Xã Bình Tân")
        #expect(units.first { $0.id == "vn-75-25270" }?.name == "Xã Lộc Ninh")
        let later = try await system.client.call(AuthUnitsList.self, .init(under: "vn-75-25270", asOf: "2026-05-01"), token: token).units
        #expect(later.first?.name == "Phường Lộc Ninh", "renamed on 30/04/2026, the old name kept for before")
        #expect(await system.stop() == 0)
    }
}
