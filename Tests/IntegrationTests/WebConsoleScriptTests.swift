import Foundation
import NQ57WebDriver
import Testing

/// The console's pure functions (dates and numbers in Vietnam, the server's labels and periods, routes), tested by Node's
/// own test runner on the very files the gateway serves.
@Suite struct WebConsoleScriptTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WebConsoleScripts").path

    /// What `counting-reporter.mjs` writes: every test node's runner reported, with its outcome.
    struct Report: Decodable {
        struct Outcome: Decodable {
            var name: String
            var file: String?
            var passed: Bool
            var error: String?
        }
        var tests: [Outcome]
    }

    @Test("format.js, vocabulary.js and router.js pass their Node tests, counted from the runner's own events",
          .enabled(if: ContinuousIntegration.runs(needing: node != nil), "needs node (CI=true: required)"))
    func nodeTests() throws {
        let node = try #require(Self.node, "CI=true and Node is not installed (/usr/bin/node)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["--test", "--test-reporter=\(Self.folder)/counting-reporter.mjs", "--test-reporter-destination=stdout",
                             Self.folder]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let report = try JSONDecoder().decode(Report.self, from: data)
        #expect(process.terminationStatus == 0, "node --test failed: \(stderr)")
        let failed = report.tests.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed.map { "\($0.name): \($0.error ?? "")" })")
        // Every test file ran and reported tests of its own.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".test.mjs") }
        #expect(!files.isEmpty)
        let reported = Set(report.tests.compactMap { $0.file.map { URL(fileURLWithPath: $0).lastPathComponent } })
        #expect(reported == Set(files), "files without a reported test: \(Set(files).subtracting(reported))")
        #expect(report.tests.count >= files.count)
    }

    @Test("Under CI=true, Node is installed (its tests are not skipped)", .enabled(if: ContinuousIntegration.isOn))
    func nodeInstalledInCI() {
        #expect(Self.node != nil, "CI=true and Node is missing: install nodejs (.ci/run does)")
    }
}
