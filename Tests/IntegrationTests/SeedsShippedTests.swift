import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// The seeds ship with the programs: an installed `nq57` (`<prefix>/bin/nq57`) finds them at
/// `<prefix>/share/nq57/seeds` from any working directory, `--seeds` still overrides, and with no
/// seeds anywhere it says where it looked.
@Suite(.serialized)
struct SeedsShippedTests {
    /// `nq57` copied into `<prefix>/bin`, with `seeds` (if given) installed at `<prefix>/share/nq57/seeds`.
    static func install(seeds: (_ folder: String) throws -> Void) throws -> (nq57: String, elsewhere: String) {
        let root = try SeedTests.temporaryFolder()
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(root)/prefix/bin", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Executables.path("nq57"), toPath: "\(root)/prefix/bin/nq57")
        try seeds("\(root)/prefix/share/nq57/seeds")
        try manager.createDirectory(atPath: "\(root)/elsewhere", withIntermediateDirectories: true)
        return ("\(root)/prefix/bin/nq57", "\(root)/elsewhere")
    }

    /// Runs `nq57` with `arguments` from the folder `directory`.
    static func run(_ nq57: String, in directory: String, _ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await ChildProcess.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", directory, nq57] + arguments, timeout: 120)
    }

    @Test("Installed with its seeds, nq57 seed loads them from a folder outside the repository")
    func installed() async throws {
        // The installed copy holds the units and only Bình Long's plan: what loads shows which seeds were read.
        let (nq57, elsewhere) = try Self.install { folder in
            try FileManager.default.createDirectory(atPath: "\(folder)/plans", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(SeedTests.seedsFolder)/units.json", toPath: "\(folder)/units.json")
            try FileManager.default.copyItem(atPath: "\(SeedTests.seedsFolder)/plans/02-KH-BCD-binh-long.json",
                                             toPath: "\(folder)/plans/02-KH-BCD-binh-long.json")
        }
        let system = try await TestSystem()
        let common = ["--data", system.root, "--session", "\(system.root)/admin.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common, input: TestSystem.adminPassword + "\n")
        #expect(login.status == 0)
        let seeded = try await Self.run(nq57, in: elsewhere, ["seed"] + common)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stdout.contains("Đơn vị: 114 mới"))
        #expect(seeded.stdout.contains("Kế hoạch 02-KH/BCĐ: ") && !seeded.stdout.contains("27-KH/ĐU"))
        // --seeds still overrides what is installed: a folder with the units and no plan reads no plan.
        let unitsOnly = "\(elsewhere)/chi-don-vi"
        try FileManager.default.createDirectory(atPath: unitsOnly, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(SeedTests.seedsFolder)/units.json", toPath: "\(unitsOnly)/units.json")
        let overridden = try await Self.run(nq57, in: elsewhere, ["seed", "--seeds", unitsOnly] + common)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("Không có gì thay đổi") && !overridden.stdout.contains("Kế hoạch"))
        #expect(await system.stop() == 0)
    }

    @Test("With no seeds beside it nor in the working directory, nq57 seed says where it looked and how to say where they are")
    func nowhere() async throws {
        let (nq57, elsewhere) = try Self.install { _ in }
        let result = try await Self.run(nq57, in: elsewhere, ["seed", "--data", elsewhere])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Không tìm thấy dữ liệu gốc (seeds/units.json)"))
        #expect(result.stderr.contains("/prefix/share/nq57/seeds") && result.stderr.contains("--seeds"))
    }
}
