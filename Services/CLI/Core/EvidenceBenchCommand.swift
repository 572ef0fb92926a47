import ArgumentParser
import EvidenceCore
import EvidenceLog
import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Crypto
import NQ57Runtime
import NQ57Wire

/// `nq57 bench evidence`: a large upload through the gateway beside `openssl dgst -sha256` and
/// an fsynced `dd` copy of the same file, peak memory of the gateway and the evidence service,
/// and evidence log appends per second.
struct EvidenceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Tốc độ tải minh chứng qua cổng so với openssl dgst và dd conv=fsync trên cùng tệp; bộ nhớ đỉnh; tốc độ ghi nhật ký.")

    @Option(name: .long, help: "Kích thước tệp thử, MiB (mặc định 1024).") var mib: Int = 1024
    @Option(name: .long, help: "Số mục ghi nhật ký để đo (mặc định 5000).") var appends: Int = 5000
    @Option(name: .long, help: "Thư mục chứa các chương trình nq57-* (mặc định: cùng thư mục với nq57).") var binDir: String?
    @Option(name: .long, help: "Kho minh chứng: local (đĩa) hoặc s3 (SeaweedFS chạy tạm, so với boto3 trên cùng kho).") var store: String = "local"
    @Option(name: .long, help: "Sau đó: số lượt tải lên cùng lúc, như cuối tháng (mặc định 0: không đo).") var crowd: Int = 0
    @Option(name: .long, help: "Kích thước tệp của mỗi lượt tải lên cùng lúc, MiB (mặc định 32).") var crowdMib: Int = 32
    @Option(name: .long, help: "NQ57_EVIDENCE_BUFFER_MIB của dịch vụ minh chứng khi đo (mặc định 512).") var bufferMib: Int = 512

    func run() async throws {
        LoggingSystem.bootstrapLogfmt(service: "bench", level: .warning)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-bench-ev-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = "\(root)/sample.pdf"
        try Self.writeSample(file, mib: mib)
        print("nq57 bench evidence — tệp \(mib) MiB, \(ProcessInfo.processInfo.activeProcessorCount) lõi, kho \(store)")

        let (opensslSeconds, opensslDigest) = try Self.timed { try Self.run("/usr/bin/openssl", ["dgst", "-sha256", "-r", file]) }
        let (ddSeconds, _) = try Self.timed { try Self.run("/bin/dd", ["if=\(file)", "of=\(root)/copy", "bs=4M", "conv=fsync", "status=none"]) }
        try? FileManager.default.removeItem(atPath: "\(root)/copy")
        let expected = String(opensslDigest.prefix(64))
        let bytes = Double(mib) * 1_048_576
        func rate(_ seconds: Double) -> String { String(format: "%.0f MiB/s", bytes / 1_048_576 / seconds) }
        print("openssl dgst -sha256:        \(rate(opensslSeconds))")
        print("dd conv=fsync (bản sao):     \(rate(ddSeconds))")

        guard ["local", "s3"].contains(store) else { throw CLIFailure("--store phải là local hoặc s3, không phải \"\(store)\".") }
        let objectStore = store == "s3" ? try await BenchObjectStore(folder: "\(root)/s3") : nil
        defer { objectStore?.stop() }
        let boto3Run = try objectStore.map { try $0.boto3(file: file, sha256: expected) }
        if let boto3 = boto3Run {
            print("boto3 lên SeaweedFS (cùng máy):  \(rate(boto3.upload))")
            print("  giây CPU mỗi GiB: \(ProcessCPUTime.describe(boto3.uploadCPU, bytes: bytes))")
            print("boto3 về từ SeaweedFS vào tệp:   \(rate(boto3.download))")
            print("  giây CPU mỗi GiB: \(ProcessCPUTime.describe(boto3.downloadCPU, bytes: bytes))")
            print("boto3 về, băm SHA-256 trong lúc nhận: \(rate(boto3.hashedDownload))")
            print("  giây CPU mỗi GiB: \(ProcessCPUTime.describe(boto3.hashedDownloadCPU, bytes: bytes))")
        }

        let password = "bench-" + UUID().uuidString
        let supervisor = Supervisor(configuration: .init(binDirectory: binDir ?? Supervisor.ownDirectory(), dataRoot: "\(root)/data",
                                                         logLevel: "warning", environment: ["NQ57_ADMIN_PASSWORD": password,
                                                                                     "NQ57_EVIDENCE_MAX_MIB": String(mib + 1),
                                                                                     "NQ57_EVIDENCE_BUFFER_MIB": String(bufferMib),
                                                                                     // One account stands for the whole crowd of communes, which
                                                                                     // waits in the queue as well: no share of its own.
                                                                                     "NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB": String(1 << 20),
                                                                                     "NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT": String(max(20, crowd))]
                                                             .merging(objectStore?.environment ?? [:]) { _, new in new }),
                                    logger: Logger(label: "nq57.bench"))
        try supervisor.start()
        let address = GatewayAddress(data: "\(root)/data")
        let client = address.makeClient()
        do {
            _ = try await supervisor.waitUntilHealthy(client: client, timeout: 60)
            var token = try await client.call(AuthLogin.self, .init(username: "admin", password: password)).accessToken
            _ = try await client.call(AuthUsersGrant.self, GrantParams(username: "admin", role: .staff, unitId: "vn"), token: token)
            try await Task.sleep(for: .seconds(2))  // the grant ended the session; the gateway hears of it
            token = try await client.call(AuthLogin.self, .init(username: "admin", password: password)).accessToken

            let before = try await client.call(SysHealth.self, .init(), token: token)
            let evidencePid = before.services?.first { $0.service == "evidence" }?.pid
            let sampler = MemorySampler(pids: [before.pid, evidencePid].compactMap { $0 })
            defer { sampler.stop() }
            var cpuPids = ["bench": getpid(), "gateway": before.pid, "weed": objectStore?.pid].compactMapValues { $0 }
            // Every service, not only evidence: anything a call costs them (audit records, token checks) counts against nq57.
            for service in before.services ?? [] {
                if let pid = service.pid { cpuPids[service.service] = pid }
            }
            let cpuBeforeUpload = ProcessCPUTime.snapshot(cpuPids)
            let started = ContinuousClock.now
            let start = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn", fileName: "sample.pdf", expectedSha256: expected,
                                                                                      size: Int64(bytes)), token: token)
            _ = try await EvidenceTransfer.send(file, to: start, unitId: "vn", client: client, token: token)
            let info = try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn"), token: token, timeout: .seconds(120))
            let elapsed = ContinuousClock.now - started
            let seconds = elapsed / .seconds(1)
            print("tải lên qua cổng (SHA-256 \(info.sha256 == expected ? "khớp openssl" : "KHÔNG KHỚP")): \(rate(seconds))")
            print(String(format: "  so với bên chậm hơn của openssl/dd: %.0f%%", (bytes / seconds) / (bytes / max(opensslSeconds, ddSeconds)) * 100))
            if let boto3Run { print(String(format: "  so với boto3: %.0f%%", boto3Run.upload / seconds * 100)) }
            print("  giây CPU mỗi GiB: \(ProcessCPUTime.describe(ProcessCPUTime.used(by: cpuPids, since: cpuBeforeUpload), bytes: bytes))")
            let afterUpload = try await client.call(SysHealth.self, .init(), token: token)
            for service in ["gateway", "evidence"] {
                let pid = service == "gateway" ? afterUpload.pid : afterUpload.services?.first { $0.service == service }?.pid
                print("  bộ nhớ đỉnh \(service) sau khi tải lên: \(pid.map(MemorySampler.peakResident) ?? "?"); \(pid.map(sampler.describe) ?? "?")")
            }
            let cpuBeforeDownload = ProcessCPUTime.snapshot(cpuPids)
            let downloadStarted = ContinuousClock.now
            let downloaded = try await Self.download(info, client: client, token: token)
            let downloadSeconds = (ContinuousClock.now - downloadStarted) / .seconds(1)
            print("tải về qua cổng, từng phần 8 MiB, 2 lệnh gọi trước, băm SHA-256 trong lúc nhận (\(downloaded == expected ? "khớp" : "KHÔNG KHỚP")): \(rate(downloadSeconds))")
            if let boto3Run {
                print(String(format: "  so với boto3 cũng băm trong lúc nhận: %.0f%%; so với boto3 ghi vào tệp: %.0f%%",
                             boto3Run.hashedDownload / downloadSeconds * 100, boto3Run.download / downloadSeconds * 100))
            }
            print("  giây CPU mỗi GiB: \(ProcessCPUTime.describe(ProcessCPUTime.used(by: cpuPids, since: cpuBeforeDownload), bytes: bytes))")
            let report = try await client.call(SysHealth.self, .init(), token: token)
            for service in ["gateway", "evidence"] {
                let pid = service == "gateway" ? report.pid : report.services?.first { $0.service == service }?.pid
                print("  bộ nhớ đỉnh \(service) sau khi tải về: \(pid.map(MemorySampler.peakResident) ?? "?"); \(pid.map(sampler.describe) ?? "?")")
            }
            if crowd > 0 {
                let crowdFile = "\(root)/crowd.pdf"
                try Self.writeSample(crowdFile, mib: crowdMib)
                let crowdSHA256 = String(try Self.run("/usr/bin/openssl", ["dgst", "-sha256", "-r", crowdFile]).prefix(64))
                let bench = EvidenceCrowdBench(file: crowdFile, size: Int64(crowdMib) << 20, sha256: crowdSHA256, client: client, token: token)
                let outcome = await bench.run(count: crowd)
                print(String(format: "%d lượt tải lên cùng lúc, mỗi lượt %d MiB (NQ57_EVIDENCE_BUFFER_MIB=%d): %d lưu, %d bận, %d lỗi; %.0f MiB/s tổng, %.1f s",
                             crowd, crowdMib, bufferMib, outcome.stored, outcome.busy, outcome.failed,
                             Double(outcome.stored * crowdMib) / outcome.seconds, outcome.seconds))
                if let failure = outcome.firstFailure { print("  lỗi đầu tiên: \(failure)") }
                let pid = report.services?.first { $0.service == "evidence" }?.pid
                print("  bộ nhớ đỉnh evidence từ đầu: \(pid.map(MemorySampler.peakResident) ?? "?"); \(pid.map(sampler.describe) ?? "?")")
            }
        } catch {
            await client.close()
            await supervisor.stop()
            throw error
        }
        await client.close()
        await supervisor.stop()
        try await Self.logAppends(appends, folder: "\(root)/ledger")
    }

    /// Reads the file back in chunks of `EvidenceRead.largestChunk` and hashes it, with two calls ahead while one is
    /// hashed (as `nq57 evidence get` does); returns the SHA-256 of what came back.
    static func download(_ file: EvidenceInfo, client: RPCClient, token: String) async throws -> String {
        var hasher = SHA256Hasher()
        try await EvidenceTransfer.read(file.id, unitId: "vn", size: file.size, client: client, token: token) { bytes in
            bytes.withUnsafeReadableBytes { hasher.update($0) }
        }
        return hasher.finalize().hexString
    }

    /// Evidence log appends, one transaction each, as the service makes them.
    static func logAppends(_ count: Int, folder: String) async throws {
        let database = try ServiceDatabase(path: "\(folder)/evidence.sqlite", migrations: EvidenceService.registerMigrations)
        let ledger = try EvidenceLedger(database: database, keyPath: "\(folder)/log-key.pem")
        let started = ContinuousClock.now
        for index in 0..<count {
            try ledger.record(.stored(evidenceId: "ev-\(index)", sha256: String(repeating: "a", count: 64), size: 1, unitId: "vn", at: 0),
                              evidenceId: "ev-\(index)", in: database)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed / .seconds(1)
        print(String(format: "ghi nhật ký minh chứng: %.0f mục/giây (%d mục, mỗi mục một giao dịch)", Double(count) / seconds, count))
    }

    /// A file that starts like a PDF, filled with varied bytes.
    static func writeSample(_ path: String, mib: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIFailure("Không tạo được tệp thử \(path).")
        }
        defer { try? handle.close() }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var state: UInt64 = 57
        for index in 0..<mib {
            for position in stride(from: 0, to: block.count, by: 8) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                withUnsafeBytes(of: state) { block.replaceSubrange(position..<position + 8, with: $0) }
            }
            if index == 0 { block.replaceSubrange(0..<9, with: Array("%PDF-1.7\n".utf8)) }
            try handle.write(contentsOf: block)
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func timed<T>(_ body: () throws -> T) throws -> (Double, T) {
        let start = ContinuousClock.now
        let value = try body()
        let elapsed = ContinuousClock.now - start
        return (elapsed / .seconds(1), value)
    }
}
