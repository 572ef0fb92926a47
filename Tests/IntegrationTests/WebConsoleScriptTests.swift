import Foundation
import Testing

/// The console's pure functions (dates and numbers in Vietnam, the server's labels and periods, routes), tested by Node's
/// own test runner on the very files the gateway serves.
@Suite struct WebConsoleScriptTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("format.js, vocabulary.js and router.js pass their Node tests", .enabled(if: node != nil, "needs node"))
    func nodeTests() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("WebConsoleScripts").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.node!)
        process.arguments = ["--test", folder]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("# pass 8") && text.contains("# fail 0"), "\(text)")
    }
}
