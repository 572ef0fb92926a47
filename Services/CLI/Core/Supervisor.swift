import Foundation
import Logging
import NIOConcurrencyHelpers
import NQ57API
import NQ57Runtime
import NQ57Wire

/// Runs the whole system on one machine: the four backends and the gateway as child
/// processes sharing one data folder, restarting any that dies, stopping all on request.
public final class Supervisor: Sendable {
    /// How to run the children.
    public struct Configuration: Sendable {
        /// Folder holding the `nq57-*` executables.
        public var binDirectory: String
        /// The data folder every child gets as `--data`.
        public var dataRoot: String
        /// Log level passed to the children.
        public var logLevel: String
        /// Pause before restarting a child that died; doubles on each quick death, up to 30 s.
        public var restartDelay: Double
        /// Extra flags for every child.
        public var extraArguments: [String]
        /// Environment variables for every child, on top of this process's.
        public var environment: [String: String]

        /// Creates a configuration.
        public init(binDirectory: String, dataRoot: String, logLevel: String = "info", restartDelay: Double = 1,
                    extraArguments: [String] = [], environment: [String: String] = [:]) {
            self.binDirectory = binDirectory
            self.dataRoot = dataRoot
            self.logLevel = logLevel
            self.restartDelay = restartDelay
            self.extraArguments = extraArguments
            self.environment = environment
        }
    }

    /// The executables, backends first so the gateway finds them.
    public static let programs = ServiceName.allCases.map(\.executable) + ["nq57-gateway"]

    private struct Child {
        var process: Process
        var started: Date
        var failures: Int
    }

    /// What it was started with.
    let configuration: Configuration
    private let logger: Logger
    private let state = NIOLockedValueBox<(children: [String: Child], stopping: Bool)>(([:], false))

    /// Creates a supervisor; `start()` launches the children.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Launches every child.
    public func start() throws {
        try FileManager.default.createDirectory(atPath: configuration.dataRoot, withIntermediateDirectories: true)
        for program in Self.programs {
            let path = "\(configuration.binDirectory)/\(program)"
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw CLIFailure("Không tìm thấy chương trình \(path); hãy chạy swift build trước.")
            }
        }
        for program in Self.programs {
            try launch(program, failures: 0)
        }
    }

    private func launch(_ program: String, failures: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(configuration.binDirectory)/\(program)")
        process.arguments = ["--data", configuration.dataRoot, "--log-level", configuration.logLevel] + configuration.extraArguments
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessEnvironment.current.merging(configuration.environment) { _, new in new }
        environment["NQ57_PARENT_PID"] = String(getpid())  // children stop if this process dies
        process.environment = environment
        process.terminationHandler = { [weak self] finished in
            self?.childExited(program, process: finished)
        }
        try process.run()
        state.withLockedValue { $0.children[program] = Child(process: process, started: Date(), failures: failures) }
        logger.info("started", metadata: ["program": "\(program)", "pid": "\(process.processIdentifier)"])
    }

    private func childExited(_ program: String, process: Process) {
        let (stopping, child) = state.withLockedValue { ($0.stopping, $0.children[program]) }
        guard !stopping, let child, child.process === process else { return }
        let livedLong = Date().timeIntervalSince(child.started) > 30
        let failures = livedLong ? 0 : child.failures + 1
        let delay = min(30, configuration.restartDelay * pow(2, Double(max(0, failures - 1))))
        logger.warning("exited; restarting", metadata: [
            "program": "\(program)", "status": "\(process.terminationStatus)", "restartIn": "\(delay)s",
        ])
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [weak self] in
            guard let self, !self.state.withLockedValue({ $0.stopping }) else { return }
            do {
                try self.launch(program, failures: failures)
            } catch {
                self.logger.error("restart failed", metadata: ["program": "\(program)", "error": "\(error)"])
            }
        }
    }

    /// Waits until the gateway reports every service up, or throws after `timeout` seconds.
    public func waitUntilHealthy(client: RPCClient, timeout: Double) async throws -> HealthReport {
        let deadline = Date().addingTimeInterval(timeout)
        var last: String = "chưa có phản hồi"
        while Date() < deadline {
            do {
                let report = try await client.call(SysHealth.self, SysHealth.Params(), timeout: .seconds(2))
                if report.status == .ok { return report }
                last = (report.services ?? []).filter { $0.status != .ok }.map { "\($0.service): \($0.message ?? "")" }
                    .joined(separator: "; ")
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CLIFailure("Hệ thống chưa sẵn sàng sau \(Int(timeout)) giây: \(last)")
    }

    /// The order children stop in, one stage after the other: the gateway first, so no new
    /// calls reach backends that are stopping and its last audit records reach the auth
    /// service; then the other backends; the auth service last.
    public static let stopStages: [[String]] = [
        ["nq57-gateway"],
        ServiceName.allCases.filter { $0 != .auth }.map(\.executable),
        [ServiceName.auth.executable],
    ]

    /// Stops every child, stage by stage (`stopStages`): SIGTERM, then SIGKILL for any still
    /// running after `grace` seconds.
    public func stop(grace: Double = 10) async {
        let children = state.withLockedValue { value in
            value.stopping = true
            return value.children
        }
        for stage in Self.stopStages {
            let processes = stage.compactMap { children[$0]?.process }
            for process in processes where process.isRunning {
                process.terminate()
            }
            let deadline = Date().addingTimeInterval(grace)
            while processes.contains(where: \.isRunning), Date() < deadline {
                try? await Task.sleep(for: .milliseconds(50))
            }
            for process in processes where process.isRunning {
                logger.warning("did not stop in time; killing", metadata: ["pid": "\(process.processIdentifier)"])
                kill(process.processIdentifier, SIGKILL)
            }
        }
    }

    /// The folder of the running `nq57` executable, where its siblings are.
    public static func ownDirectory() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }
}
