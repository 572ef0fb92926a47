import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One chromedriver child process: starting it, waiting for readiness, and stopping it.
final class DriverProcess: @unchecked Sendable {
    /// The chromedriver executable used.
    static let executablePath = "/usr/bin/chromedriver"

    /// The port chromedriver listens on (127.0.0.1 only).
    let port: Int
    /// Where chromedriver's log and its stdout/stderr go.
    let logPath: String
    /// A client for the driver's HTTP endpoint.
    let client: WireClient

    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    /// Launches chromedriver on a free port, appending its log to `logPath`.
    init(logPath: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executablePath) else {
            throw WebDriverError.driverNotFound(Self.executablePath)
        }
        guard let port = freeLocalPort() else {
            throw WebDriverError.driverDidNotStart("could not find a free local port")
        }
        self.port = port
        self.logPath = logPath
        self.client = WireClient(port: port)

        let fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else {
            throw WebDriverError.driverDidNotStart("cannot open log file \(logPath)")
        }
        let log = FileHandle(fileDescriptor: fd, closeOnDealloc: true)

        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executablePath)
        process.arguments = [
            "--port=\(port)",
            "--log-path=\(logPath)",
            "--append-log",
            "--readable-timestamp",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        do {
            try process.runWithDefaultSignalMask()
        } catch {
            throw WebDriverError.driverDidNotStart("launching \(Self.executablePath) failed: \(error)")
        }
    }

    deinit {
        terminateNow()
    }

    /// The process id of chromedriver.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Whether chromedriver is still running.
    var isRunning: Bool { process.isRunning }

    /// Polls `GET /status` every 100 ms until it reports `ready: true`; throws if the process
    /// exits or `timeout` seconds pass.
    func waitUntilReady(timeout: Double) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var quickClient = client
        quickClient.requestTimeout = 2
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw WebDriverError.driverDidNotStart(
                    "chromedriver exited with status \(process.terminationStatus); see \(logPath)")
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
    /// for them to exit, then SIGKILLs what is left. Safe to call repeatedly.
    func stop() async {
        guard markStopped() else { return }
        let pid = process.processIdentifier
        let browsers = childProcesses(of: pid)
        process.terminate()
        for child in browsers { _ = kill(child, SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning || browsers.contains(where: isAlive), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { _ = kill(pid, SIGKILL) }
        for child in browsers where isAlive(child) { _ = kill(child, SIGKILL) }
    }

    /// Sends SIGTERM to chromedriver and its browsers without waiting (for `deinit`).
    /// Safe to call repeatedly.
    func terminateNow() {
        guard markStopped() else { return }
        for child in childProcesses(of: process.processIdentifier) { _ = kill(child, SIGTERM) }
        process.terminate()
    }

    /// Flips `stopped` to true; returns whether this call did it.
    private func markStopped() -> Bool {
        lock.withLock {
            if stopped || !process.isRunning { stopped = true; return false }
            stopped = true
            return true
        }
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
