import Foundation
import Logging
import Testing
@testable import NQ57Runtime

/// Settings come from defaults, then the config file, then the environment, then flags.
struct ServiceSettingsTests {
    private func options(_ arguments: [String]) throws -> ServiceOptions {
        try ServiceOptions.parse(arguments)
    }

    @Test("Defaults put everything under ./.nq57 with internal sockets in run/internal")
    func defaults() throws {
        let settings = try ServiceSettings.resolve(service: "tasks", options: options([]), environment: [:])
        let root = URL(fileURLWithPath: "./.nq57").standardizedFileURL.path
        #expect(settings.dataRoot == root)
        #expect(settings.serviceDirectory == "\(root)/tasks")
        #expect(settings.socketPath == "\(root)/run/internal/tasks.sock")
        #expect(settings.logLevel == .info)
        #expect(settings.maxFrameBytes == 16 * 1024 * 1024)
        let gateway = try ServiceSettings.resolve(service: "gateway", options: options([]), environment: [:])
        #expect(gateway.socketPath == "\(root)/run/gateway.sock")
    }

    @Test("Flags beat the environment, which beats the file")
    func layering() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-config-\(UUID()).json")
        try Data(#"{"data":"/srv/file","logLevel":"error","maxFrameBytes":2048,"callTimeout":5}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let fromFile = try ServiceSettings.resolve(service: "auth", options: options(["--config", file.path]), environment: [:])
        #expect(fromFile.dataRoot == "/srv/file")
        #expect(fromFile.logLevel == .error)
        #expect(fromFile.maxFrameBytes == 2048)
        #expect(fromFile.callTimeoutSeconds == 5)

        let environment = ["NQ57_CONFIG": file.path, "NQ57_HOME": "/srv/env", "NQ57_LOG_LEVEL": "debug"]
        let fromEnvironment = try ServiceSettings.resolve(service: "auth", options: options([]), environment: environment)
        #expect(fromEnvironment.dataRoot == "/srv/env")
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.maxFrameBytes == 2048)

        let fromFlags = try ServiceSettings.resolve(service: "auth", options: options(["--data", "/srv/flag", "--log-level", "trace"]),
                                                    environment: environment)
        #expect(fromFlags.dataRoot == "/srv/flag")
        #expect(fromFlags.logLevel == .trace)
        #expect(fromFlags.socketPath == "/srv/flag/run/internal/auth.sock")
    }

    @Test("Unusable settings are refused with a reason", arguments: [
        (["--log-level", "loud"], [String: String]()),
        (["--max-frame-bytes", "10"], [:]),
        ([], ["NQ57_MAX_FRAME_BYTES": "lots"]),
        ([], ["NQ57_CONFIG": "/nonexistent/nq57.json"]),
        (["--idle-timeout", "0"], [:]),
    ])
    func refused(arguments: [String], environment: [String: String]) throws {
        #expect(throws: SettingsError.self) {
            try ServiceSettings.resolve(service: "tasks", options: try options(arguments), environment: environment)
        }
    }
}
