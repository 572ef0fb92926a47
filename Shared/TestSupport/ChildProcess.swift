import Foundation
import NQ57Runtime

/// A real executable started by a test, with its output kept for the test to read.
public final class ChildProcess: @unchecked Sendable {
    /// The process.
    public let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let collected = NSLock()
    private var standardOutput = Data()
    private var standardError = Data()
    /// Pipes that have reached end of file (the handler saw an empty read): 2 when both have.
    private var closedPipes = 0

    /// Starts `executable` (a name in the build folder) with `arguments`, writing `input` to
    /// its standard input.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Executables.path(executable))
        process.arguments = arguments
        process.environment = ProcessEnvironment.current.merging(environment) { _, new in new }
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.collected.withLock {
                if data.isEmpty { self?.closedPipes += 1; handle.readabilityHandler = nil } else { self?.standardOutput.append(data) }
            }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.collected.withLock {
                if data.isEmpty { self?.closedPipes += 1; handle.readabilityHandler = nil } else { self?.standardError.append(data) }
            }
        }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
    }

    /// What it printed on standard output so far.
    public var stdout: String { collected.withLock { String(decoding: standardOutput, as: UTF8.self) } }
    /// What it printed on standard error so far.
    public var stderr: String { collected.withLock { String(decoding: standardError, as: UTF8.self) } }

    /// Sends a signal.
    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for it to exit (up to `timeout` seconds) and returns its status, or nil if it is still running.
    public func waitForExit(timeout: Double = 20) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        guard !process.isRunning else { return nil }
        // Everything it wrote is read once both pipes have reached end of file (a slow reader under
        // load can be behind the exit); a grandchild holding a pipe open must not hang the test.
        let drained = Date().addingTimeInterval(5)
        while collected.withLock({ closedPipes < 2 }), Date() < drained {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    /// Runs `executable` to completion and returns its exit status and output.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           input: String? = nil, timeout: Double = 30) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        let child = try ChildProcess(executable, arguments, environment: environment, input: input)
        guard let status = await child.waitForExit(timeout: timeout) else {
            child.signal(SIGKILL)
            throw RawSocketError("\(executable) \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        return (status, child.stdout, child.stderr)
    }

    deinit {
        // SIGTERM, not SIGKILL: `nq57 up` then stops its own children instead of orphaning them.
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    }
}
