import Foundation
import NQ57Processes
import NQ57Runtime
internal import Subprocess
import Synchronization
internal import SystemPackage

/// A real executable started by a test, with its output kept for the test to read.
///
/// It runs on swift-subprocess: both pipes are read to end of file and the exit is awaited
/// (the child reaped) before `waitForExit` answers, so the output is complete then, however
/// slow the machine. If the child has exited while a grandchild still holds a pipe open,
/// swift-subprocess stops reading after draining what the pipe already holds.
public final class ChildProcess: Sendable {
    /// The child's process id.
    public let processIdentifier: Int32
    /// What was started, for messages.
    private let executable: String
    private let arguments: [String]
    private let state: ChildProcessState
    private let signals: AsyncStream<Int32>.Continuation

    /// Starts `executable` (a name in the build folder, or an absolute path) with `arguments`,
    /// writing `input` to its standard input (closed at once without it); returns once it runs.
    /// The saved-login file the children of this test run share (unless a test names its own).
    static let sessionFile = NSTemporaryDirectory() + "nq57-test-session-\(ProcessInfo.processInfo.processIdentifier).json"

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) async throws {
        let state = ChildProcessState()
        let (signalStream, signals) = AsyncStream.makeStream(of: Int32.self)
        let path = Executables.path(executable)
        // The developer's own `nq57 login` (~/.config/nq57/session.json) never reaches a test's child: a stale
        // token there made calls that need no login answer "unauthenticated". One file per test run instead.
        var updates: [Environment.Key: String?] = ["NQ57_SESSION": Self.sessionFile]
        for (name, value) in environment {
            guard let key = Environment.Key(rawValue: name) else { continue }
            updates[key] = value
        }
        let childEnvironment = Environment.inherit.updating(updates)
        self.state = state
        self.signals = signals
        self.executable = executable
        self.arguments = arguments
        processIdentifier = try await withCheckedThrowingContinuation { (started: CheckedContinuation<Int32, any Error>) in
            Task {
                await Self.execute(path: path, arguments: arguments, environment: childEnvironment, input: input,
                                   state: state, signals: signalStream, started: started)
            }
        }
    }

    /// Runs the child inside swift-subprocess's `run`, reading both pipes to their end,
    /// forwarding signals meanwhile, then records the exit status (after the child is reaped).
    private static func execute(path: String, arguments: [String], environment: Environment, input: String?,
                                state: ChildProcessState, signals: AsyncStream<Int32>,
                                started: CheckedContinuation<Int32, any Error>) async {
        let startedOnce = Mutex<CheckedContinuation<Int32, any Error>?>(started)
        do {
            let result = try await Subprocess.run(
                .path(FilePath(path)), arguments: Arguments(arguments), environment: environment,
                input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                startedOnce.withLock { $0.take() }?.resume(returning: execution.processIdentifier.value)
                await withTaskGroup(of: Void.self) { forwarding in
                    forwarding.addTask {
                        for await signal in signals { try? execution.send(signal: Signal(rawValue: signal)) }
                    }
                    await withTaskGroup(of: Void.self) { streams in
                        streams.addTask {
                            do {
                                for try await buffer in execution.standardOutput {
                                    buffer.withUnsafeBytes { bytes in state.append(output: bytes) }
                                }
                            } catch { state.append(error: Array("[stdout read failed: \(error)]".utf8)) }
                        }
                        streams.addTask {
                            do {
                                for try await buffer in execution.standardError {
                                    buffer.withUnsafeBytes { bytes in state.append(error: bytes) }
                                }
                            } catch { state.append(error: Array("[stderr read failed: \(error)]".utf8)) }
                        }
                        streams.addTask {
                            // A child that exits without reading its input must not fail the run.
                            if let input { _ = try? await execution.standardInputWriter.write(input) }
                            try? await execution.standardInputWriter.finish()
                        }
                    }
                    forwarding.cancelAll()
                }
            }
            state.finish(status: result.terminationStatus.code)
        } catch {
            if let started = startedOnce.withLock({ $0.take() }) {
                started.resume(throwing: error)
            } else {
                state.append(error: Array("[\(path) failed: \(error)]".utf8))
                state.finish(status: -1)
            }
        }
    }

    /// What it printed on standard output so far (all of it once `waitForExit` has returned a status).
    public var stdout: String { state.stdout }
    /// What it printed on standard error so far (all of it once `waitForExit` has returned a status).
    public var stderr: String { state.stderr }
    /// Whether it is still running (or its output still being read).
    public var isRunning: Bool { state.status == nil }

    /// Sends a signal (ignored once its output has ended).
    public func signal(_ number: Int32) { signals.yield(number) }

    /// Waits for it to exit (up to `timeout` seconds) and returns its status (the exit code, or
    /// the signal that ended it), or nil if it is still running.
    public func waitForExit(timeout: Double = 20) async -> Int32? {
        await state.waitForStatus(timeout: timeout)
    }

    /// Runs `executable` to completion and returns its exit status and output; a child still
    /// running after `timeout` seconds is killed (SIGKILL) and reaped, and this throws.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           input: String? = nil, timeout: Double = 30) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        try await ChildProcess(executable, arguments, environment: environment, input: input).result(timeout: timeout)
    }

    /// Waits for it to exit and returns its exit status and whole output; if it is still running
    /// after `timeout` seconds, kills it (SIGKILL), waits until it is reaped, and throws.
    public func result(timeout: Double = 30) async throws -> (status: Int32, stdout: String, stderr: String) {
        guard let status = await waitForExit(timeout: timeout) else {
            signal(SIGKILL)
            _ = await waitForExit(timeout: 30)
            throw RawSocketError("\(executable) \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        return (status, stdout, stderr)
    }

    deinit {
        // SIGTERM, not SIGKILL: `nq57 up` then stops its own children instead of orphaning them.
        if isRunning { signals.yield(SIGTERM) }
        signals.finish()
    }
}

/// What a child has printed and how it ended, shared between the task running it and the test.
final class ChildProcessState: Sendable {
    private struct Collected {
        var output: [UInt8] = []
        var error: [UInt8] = []
    }

    private let collected = Mutex(Collected())

    var stdout: String { collected.withLock { String(decoding: $0.output, as: UTF8.self) } }
    var stderr: String { collected.withLock { String(decoding: $0.error, as: UTF8.self) } }
    private let exit = ExitStatus()
    var status: Int32? { exit.status }

    func append(output bytes: UnsafeRawBufferPointer) { collected.withLock { $0.output.append(contentsOf: bytes) } }
    func append(error bytes: UnsafeRawBufferPointer) { collected.withLock { $0.error.append(contentsOf: bytes) } }
    func append(error bytes: [UInt8]) { collected.withLock { $0.error.append(contentsOf: bytes) } }

    /// Records the exit status and wakes every waiter.
    func finish(status: Int32) { exit.finish(status: status) }

    /// The exit status once recorded, or nil after `timeout` seconds.
    func waitForStatus(timeout: Double) async -> Int32? { await exit.wait(timeout: timeout) }
}
