import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57Wire

/// The whole system, started by `nq57 up` (the real executables) in a fresh temporary data
/// folder, for integration tests. `stop()` sends SIGTERM and returns the exit status.
public final class TestSystem: @unchecked Sendable {
    /// The data folder.
    public let root: String
    /// The `nq57 up` process.
    public let supervisor: ChildProcess
    /// A client of the gateway.
    public let client: RPCClient

    /// The gateway's socket.
    public var gatewaySocket: String { "\(root)/run/gateway.sock" }
    /// A backend's internal socket.
    public func socket(of service: ServiceName) -> String { "\(root)/run/internal/\(service.socketFileName)" }

    /// The first admin's password in every test system.
    public static let adminPassword = "quan-tri-thu-nghiem-2025"

    /// The environment the system's processes get: a known admin password, cheap password
    /// hashing, and whatever the test adds.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["NQ57_ADMIN_PASSWORD": adminPassword, "NQ57_SCRYPT_LOG_N": "10"].merging(extra) { _, new in new }
    }

    /// Starts the system (with `arguments` added to `nq57 up`) and waits until every service
    /// is healthy; with `waitForReady`, first until `nq57 up` says it is ready (after `--demo`'s
    /// phases, during which the system is started and stopped several times). With `root`, on
    /// that data folder (a previous system's, kept by `stop(keepingData: true)`).
    public init(restartDelay: Double = 1, environment extra: [String: String] = [:], arguments: [String] = [],
                http: String = "127.0.0.1:0", waitForReady: Double? = nil, root existing: String? = nil) async throws {
        root = try existing ?? Self.makeTemporaryFolder()
        supervisor = try await ChildProcess("nq57", ["up", "--data", root, "--log-level", "warning", "--http", http,
                                               "--restart-delay", String(restartDelay)] + arguments,
                                      environment: Self.environment(extra))
        client = RPCClient(configuration: .init(socketPath: "\(root)/run/gateway.sock", serviceName: "gateway"),
                           group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        if let waitForReady {
            let deadline = Date().addingTimeInterval(waitForReady)
            while !supervisor.stdout.contains("nq57 đã sẵn sàng"), supervisor.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        try await waitUntilHealthy()
    }

    /// The gateway's HTTP address (`http://127.0.0.1:PORT`), once it listens.
    public func httpAddress(timeout: Double = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: "\(root)/run/http.addr"), !data.isEmpty {
                return String(decoding: data, as: UTF8.self)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RawSocketError("the gateway did not write run/http.addr")
    }

    /// Logs in through the gateway and returns the access token.
    public func login(_ username: String = "admin", password: String = TestSystem.adminPassword) async throws -> String {
        try await client.call(AuthLogin.self, AuthLogin.Params(username: username, password: password)).accessToken
    }

    /// Polls the gateway until every service reports ok.
    @discardableResult
    public func waitUntilHealthy(timeout: Double = 60) async throws -> HealthReport {
        let deadline = Date().addingTimeInterval(timeout)
        var last = "no answer"
        while Date() < deadline {
            if let report = try? await client.call(SysHealth.self, SysHealth.Params(), timeout: .seconds(2)) {
                if report.status == .ok { return report }
                last = "\(report)"
            }
            guard supervisor.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RawSocketError("system not healthy: \(last)\nnq57 up stderr:\n\(supervisor.stderr)")
    }

    /// Stops the system with SIGTERM; returns `nq57 up`'s exit status (nil if it hung). The data
    /// folder is removed unless `keepingData`.
    public func stop(keepingData: Bool = false) async -> Int32? {
        await client.close()
        supervisor.signal(SIGTERM)
        let status = await supervisor.waitForExit(timeout: 40)
        if !keepingData { try? FileManager.default.removeItem(atPath: root) }
        return status
    }

    /// A new, short, private temporary folder (socket paths must stay under 108 bytes).
    public static func makeTemporaryFolder() throws -> String {
        let path = "/tmp/nq57-test-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return path
    }
}
