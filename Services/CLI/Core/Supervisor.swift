import Foundation
import Logging
import NIOConcurrencyHelpers
import NQ57API
import NQ57Processes
import NQ57Runtime
import NQ57Wire
internal import Subprocess
internal import SystemPackage

/// Runs the whole system on one machine: the four backends and the gateway as child
/// processes sharing one data folder, restarting any that dies, stopping all on request.
public final class Supervisor: Sendable {
    /// Environment a program gets unless the operator set it, as compose/ and the systemd units set it too. The
    /// evidence service moves whole chunks and parts between threads; with glibc's default of 8 arenas per core each
    /// keeps freed buffers, and its heap peaked at 82 MiB on a 1 GiB download from S3, 50–70 MiB with 2 arenas and
    /// 53 MiB in each of three runs with 1, at the same CPU cost.
    static let programDefaults: [String: [String: String]] = ["nq57-evidence": ["MALLOC_ARENA_MAX": "1"]]

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

    /// One run of a child: its exit, once reaped, and the signals to send it.
    private final class ChildRun: Sendable {
        let exit = ExitStatus()
        let started = ContinuousClock.now
        let signals: AsyncStream<Int32>
        let send: AsyncStream<Int32>.Continuation

        init() { (signals, send) = AsyncStream.makeStream(of: Int32.self) }
    }

    /// What it was started with.
    let configuration: Configuration
    private let logger: Logger
    private let state = NIOLockedValueBox<(runs: [String: ChildRun], stopping: Bool)>(([:], false))

    /// Creates a supervisor; `start()` launches the children. With `NQ57_NOW` set (and no
    /// `NQ57_NOW_STARTED`), the day's clock starts now for every child, restarted ones included.
    public init(configuration: Configuration, logger: Logger) {
        var configuration = configuration
        let inherited = ProcessInfo.processInfo.environment
        if configuration.environment["NQ57_NOW"] ?? inherited["NQ57_NOW"] != nil,
           configuration.environment["NQ57_NOW_STARTED"] ?? inherited["NQ57_NOW_STARTED"] == nil {
            configuration.environment["NQ57_NOW_STARTED"] = String(Date().timeIntervalSince1970)
        }
        self.configuration = configuration
        self.logger = logger
    }

    /// Checks that every executable is there, then launches every child, each watched by its
    /// own task that restarts it when it dies (until `stop()`).
    public func start() throws {
        try FileManager.default.createDirectory(atPath: configuration.dataRoot, withIntermediateDirectories: true)
        for program in Self.programs {
            let path = "\(configuration.binDirectory)/\(program)"
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw CLIFailure("Không tìm thấy chương trình \(path); hãy chạy swift build trước.")
            }
        }
        for program in Self.programs {
            Task { await self.supervise(program) }
        }
    }

    /// Runs `program` again and again, with a growing pause after quick deaths, until stopping.
    private func supervise(_ program: String) async {
        var failures = 0
        while true {
            let run = ChildRun()
            let registered = state.withLockedValue { value -> Bool in
                guard !value.stopping else { return false }
                value.runs[program] = run
                return true
            }
            guard registered else { return }
            let status = await execute(program, run)
            run.exit.finish(status: status)
            guard !state.withLockedValue({ $0.stopping }) else { return }
            let livedLong = run.started.duration(to: .now) > .seconds(30)
            failures = livedLong ? 0 : failures + 1
            let delay = min(30, configuration.restartDelay * pow(2, Double(max(0, failures - 1))))
            logger.warning("exited; restarting", metadata: ["program": "\(program)", "status": "\(status)", "restartIn": "\(delay)s"])
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        }
    }

    /// Runs `program` once on swift-subprocess: its output copied to this process's, signals
    /// forwarded while it runs; returns its exit status (the signal that ended it, or -1 if it
    /// could not start) once it has been reaped.
    private func execute(_ program: String, _ run: ChildRun) async -> Int32 {
        let path = "\(configuration.binDirectory)/\(program)"
        var updates: [Environment.Key: String?] = [:]
        for (name, value) in configuration.environment {
            if let key = Environment.Key(rawValue: name) { updates[key] = value }
        }
        if let key = Environment.Key(rawValue: "NQ57_PARENT_PID") { updates[key] = String(getpid()) }  // children stop if this process dies
        // Settings a program needs by default; one the operator gave (here or in this process's environment) wins.
        for (name, value) in Self.programDefaults[program] ?? [:]
        where ProcessInfo.processInfo.environment[name] == nil && configuration.environment[name] == nil {
            if let key = Environment.Key(rawValue: name) { updates[key] = value }
        }
        let arguments = ["--data", configuration.dataRoot, "--log-level", configuration.logLevel] + configuration.extraArguments
        let logger = self.logger
        do {
            let result = try await Subprocess.run(
                .path(FilePath(path)), arguments: Arguments(arguments), environment: .inherit.updating(updates),
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                logger.info("started", metadata: ["program": "\(program)", "pid": "\(execution.processIdentifier.value)"])
                await withTaskGroup(of: Void.self) { forwarding in
                    forwarding.addTask {
                        for await signal in run.signals { try? execution.send(signal: Signal(rawValue: signal)) }
                    }
                    await withTaskGroup(of: Void.self) { streams in
                        streams.addTask {
                            do {
                                for try await buffer in execution.standardOutput { buffer.withUnsafeBytes { copy($0, to: STDOUT_FILENO) } }
                            } catch {}  // the child's output ended badly: it is being reaped anyway
                        }
                        streams.addTask {
                            do {
                                for try await buffer in execution.standardError { buffer.withUnsafeBytes { copy($0, to: STDERR_FILENO) } }
                            } catch {}
                        }
                    }
                    forwarding.cancelAll()
                }
            }
            return result.terminationStatus.code
        } catch {
            logger.error("could not start", metadata: ["program": "\(program)", "error": "\(error)"])
            return -1
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
    /// running after `grace` seconds; returns once each has been reaped.
    public func stop(grace: Double = 10) async {
        let runs = state.withLockedValue { value in
            value.stopping = true
            return value.runs
        }
        for stage in Self.stopStages {
            let stageRuns = stage.compactMap { runs[$0] }.filter { $0.exit.status == nil }
            for run in stageRuns { run.send.yield(SIGTERM) }
            await withTaskGroup(of: Void.self) { group in
                for run in stageRuns {
                    group.addTask { [logger] in
                        guard await run.exit.wait(timeout: grace) == nil else { return }
                        logger.warning("did not stop in time; killing")
                        run.send.yield(SIGKILL)
                        _ = await run.exit.wait(timeout: 10)
                    }
                }
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

/// Writes `bytes` to `fd`, whole (a child's output passed on to this process's).
private func copy(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
    var offset = 0
    while offset < bytes.count, let base = bytes.baseAddress {
        let written = write(fd, base + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
    }
}
