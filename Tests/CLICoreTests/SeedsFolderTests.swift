import Foundation
@testable import NQ57CLICore
import Testing

/// Where `nq57 seed` looks for the seeds it ships with, and which it takes.
@Suite("Seeds folder")
struct SeedsFolderTests {
    /// A folder tree under a fresh temporary root, with `units.json` in each of `seeded` (relative paths).
    static func tree(seeded: [String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-seeds-\(UUID().uuidString.prefix(8))").path
        for folder in ["prefix/bin", "work"] + seeded {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        for folder in seeded { try Data("{\"units\":[]}".utf8).write(to: URL(fileURLWithPath: "\(root)/\(folder)/units.json")) }
        return root
    }

    @Test("Installed beside the programs first, then beside the executable, then the working directory, then the folders above")
    func order() {
        let places = SeedsFolder.candidates(binDirectory: "/opt/nq57/bin", workingDirectory: "/home/cv")
        #expect(Array(places.prefix(4)) == ["/opt/nq57/share/nq57/seeds", "/opt/nq57/bin/seeds", "/home/cv/seeds", "/opt/nq57/seeds"])
        #expect(places.last == "/opt/seeds")
    }

    @Test("The installed seeds win over the working directory's; --seeds wins over both")
    func precedence() throws {
        let root = try Self.tree(seeded: ["prefix/share/nq57/seeds", "work/seeds"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let found = try SeedsFolder.locate(explicit: nil, binDirectory: "\(root)/prefix/bin", workingDirectory: "\(root)/work")
        #expect(found == "\(root)/prefix/share/nq57/seeds")
        #expect(try SeedsFolder.locate(explicit: "/elsewhere", binDirectory: "\(root)/prefix/bin", workingDirectory: "\(root)/work") == "/elsewhere")
        try FileManager.default.removeItem(atPath: "\(root)/prefix/share")
        #expect(try SeedsFolder.locate(explicit: nil, binDirectory: "\(root)/prefix/bin", workingDirectory: "\(root)/work") == "\(root)/work/seeds")
    }

    @Test("A folder without units.json is not taken; with none anywhere the refusal names where it looked")
    func nowhere() throws {
        let root = try Self.tree(seeded: [])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/work/seeds", withIntermediateDirectories: true)
        #expect {
            _ = try SeedsFolder.locate(explicit: nil, binDirectory: "\(root)/prefix/bin", workingDirectory: "\(root)/work")
        } throws: { error in
            "\(error)".contains("Không tìm thấy dữ liệu gốc") && "\(error)".contains("\(root)/prefix/share/nq57/seeds")
        }
    }
}
