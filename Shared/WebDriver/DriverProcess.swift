import Foundation
import NQ57Processes
internal import Subprocess
import Synchronization
internal import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One chromedriver child process: starting it, waiting for readiness, and stopping it.
///
/// It runs inside swift-subprocess's `run(...) { execution in }` on a task of its own: that
/// spawns with an empty signal mask and default signal dispositions (so chromedriver and the
/// Chromium it starts obey SIGTERM, whichever thread started them), forwards the signals asked
/// for here through `execution.send(signal:)`, copies chromedriver's stdout and stderr to the
/// log, and reaps it. Its exit is known when both pipes are done (swift-subprocess ends them
/// when chromedriver exits, even if a Chromium still holds them).
final class DriverProcess: Sendable {
    /// The chromedriver executable used.
    static let executablePath = "/usr/bin/chromedriver"

    /// The port chromedriver listens on (127.0.0.1 only).
    let port: Int
    /// Where chromedriver's log and its stdout/stderr go.
    let logPath: String
    /// A client for the driver's HTTP endpoint.
    let client: WireClient
    /// The process id of chromedriver.
    let processIdentifier: Int32

    private let signals: AsyncStream<Int32>.Continuation
    private let exit: ExitStatus
    private let stopped = Mutex(false)

    /// Launches chromedriver on a free port, appending its log to `logPath`; returns once it runs.
    init(logPath: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executablePath) else {
            throw WebDriverError.driverNotFound(Self.executablePath)
        }
        guard let port = freeLocalPort() else {
            throw WebDriverError.driverDidNotStart("could not find a free local port")
        }
        self.port = port
        self.logPath = logPath
        self.client = WireClient(port: port)

        let fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw WebDriverError.driverDidNotStart("cannot open log file \(logPath)")
        }
        let arguments = ["--port=\(port)", "--log-path=\(logPath)", "--append-log", "--readable-timestamp"]
        let (signalStream, signals) = AsyncStream.makeStream(of: Int32.self)
        let exit = ExitStatus()
        self.signals = signals
        self.exit = exit
        do {
            processIdentifier = try await withCheckedThrowingContinuation { (started: CheckedContinuation<Int32, any Error>) in
                Task {
                    await Self.execute(arguments: arguments, log: fd, signals: signalStream, exit: exit, started: started)
                }
            }
        } catch {
            throw WebDriverError.driverDidNotStart("launching \(Self.executablePath) failed: \(error)")
        }
    }

    /// Runs chromedriver until it exits: forwards signals, copies its output to `log` (closed at
    /// the end), and records its status once it is reaped.
    private static func execute(arguments: [String], log: Int32, signals: AsyncStream<Int32>, exit: ExitStatus,
                                started: CheckedContinuation<Int32, any Error>) async {
        defer { close(log) }
        let startedOnce = Mutex<CheckedContinuation<Int32, any Error>?>(started)
        do {
            let result = try await Subprocess.run(
                .path(FilePath(executablePath)), arguments: Arguments(arguments),
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                startedOnce.withLock { $0.take() }?.resume(returning: execution.processIdentifier.value)
                await withTaskGroup(of: Void.self) { forwarding in
                    forwarding.addTask {
                        for await signal in signals { try? execution.send(signal: Signal(rawValue: signal)) }
                    }
                    await withTaskGroup(of: Void.self) { streams in
                        streams.addTask {
                            do {
                                for try await buffer in execution.standardOutput { buffer.withUnsafeBytes { append($0, to: log) } }
                            } catch {
                                append(Array("[stdout read failed: \(error)]\n".utf8), to: log)
                            }
                        }
                        streams.addTask {
                            do {
                                for try await buffer in execution.standardError { buffer.withUnsafeBytes { append($0, to: log) } }
                            } catch {
                                append(Array("[stderr read failed: \(error)]\n".utf8), to: log)
                            }
                        }
                    }
                    forwarding.cancelAll()
                }
            }
            exit.finish(status: result.terminationStatus.code)
        } catch {
            if let started = startedOnce.withLock({ $0.take() }) {
                started.resume(throwing: error)
            } else {
                exit.finish(status: -1)
            }
        }
    }

    deinit {
        terminateNow()
        signals.finish()
    }

    /// Whether chromedriver is still running (not yet reaped).
    var isRunning: Bool { exit.status == nil }

    /// Polls `GET /status` every 100 ms until it reports `ready: true`; throws if the process
    /// exits or `timeout` seconds pass.
    func waitUntilReady(timeout: Double) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var quickClient = client
        quickClient.requestTimeout = 2
        while ContinuousClock.now < deadline {
            if let status = exit.status {
                throw WebDriverError.driverDidNotStart(
                    "chromedriver exited with status \(status); see \(logPath)")
            }
            if let status = try? await quickClient.send("GET", "status"), status["ready"]?.boolValue == true {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverError.driverDidNotStart(
            "GET /status on port \(port) not ready after \(timeout) s; see \(logPath)")
    }

    /// Sends SIGTERM to chromedriver and to any browser it still has running, waits up to 5 s
    /// for them to exit, then SIGKILLs what is left, and waits until chromedriver is reaped.
    /// Safe to call repeatedly.
    func stop() async {
        guard markStopped() else { return }
        let browsers = childProcesses(of: processIdentifier)
        signals.yield(SIGTERM)
        for child in browsers { _ = kill(child, SIGTERM) }
        let exited = await exit.wait(timeout: 5) != nil
        let deadline = ContinuousClock.now + .seconds(5)
        while browsers.contains(where: isAlive), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if !exited {
            signals.yield(SIGKILL)
            _ = await exit.wait(timeout: 10)
        }
        for child in browsers where isAlive(child) { _ = kill(child, SIGKILL) }
    }

    /// Sends SIGTERM to chromedriver and its browsers without waiting (for `deinit`).
    /// Safe to call repeatedly.
    func terminateNow() {
        guard markStopped() else { return }
        for child in childProcesses(of: processIdentifier) { _ = kill(child, SIGTERM) }
        signals.yield(SIGTERM)
    }

    /// Flips `stopped` to true; returns whether this call did it (false once chromedriver has exited).
    private func markStopped() -> Bool {
        let running = isRunning
        return stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped && running
        }
    }
}

/// Appends `bytes` to the open file `fd`, whole.
private func append(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { append($0, to: fd) }
}

/// Appends `bytes` to the open file `fd`, whole.
private func append(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
    var offset = 0
    while offset < bytes.count, let base = bytes.baseAddress {
        let written = write(fd, base + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
    }
}

/// The direct children of `pid`, from /proc (empty where /proc is unavailable).
/// chromedriver starts Chromium from worker threads, so every thread's list is read.
private func childProcesses(of pid: Int32) -> [Int32] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.flatMap { task -> [Int32] in
        let list = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
        return list.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// Whether `pid` still runs: it exists and is not a zombie. Only used for processes we
/// do not reap ourselves (Chromium, whose parent is chromedriver).
private func isAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")")
    else { return true }
    return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}
