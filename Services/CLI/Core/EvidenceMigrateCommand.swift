import ArgumentParser
import EvidenceCore
import EvidenceS3Store
import EvidenceStorage
import Foundation
import NQ57Runtime

extension EvidenceCommand {
    /// `nq57 evidence migrate --to s3`: moves the local evidence files into the S3-compatible
    /// store of the NQ57_S3_* settings, each checked there by hash before its local copy goes.
    /// Resumable; the evidence service keeps serving meanwhile (started with
    /// `NQ57_EVIDENCE_STORE=s3`, it reads files not yet moved from the folder).
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chuyển các tệp minh chứng trên đĩa sang kho S3 (kiểm mã SHA-256 trong kho trước khi xoá bản trên đĩa; chạy lại được).")
        @Option(name: .long, help: "Kho đích: s3.") var to: String
        @Option(name: .long, help: "Thư mục dữ liệu của hệ thống (env NQ57_HOME; mặc định ./.nq57).") var data: String?

        func run() async throws {
            guard to == "s3" else {
                FileHandle.standardError.write(Data("nq57: chỉ chuyển được sang kho s3 (--to s3), không phải \"\(to)\".\n".utf8))
                throw ExitCode(2)
            }
            let settings: NQ57Settings
            do {
                settings = try NQ57Settings.resolve(service: "evidence", given: [(SettingsCatalog.data, data)],
                                                    environment: ProcessEnvironment.current.merging(["NQ57_EVIDENCE_STORE": "s3"]) { _, forced in forced })
            } catch {
                FileHandle.standardError.write(Data("nq57: thiết lập kho S3 không dùng được: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let folder = "\(settings.serviceDirectory)/blobs"
            guard FileManager.default.fileExists(atPath: "\(folder)/objects"), let objectStore = settings.evidence.objectStore else {
                print("Không có tệp minh chứng nào trên đĩa để chuyển (\(folder)).")
                return
            }
            let report = try await EvidenceMigration.run(folder: folder, objectStore: objectStore) { line in print(line) }
            print(report.summary)
            if report.failed > 0 || report.kept > 0 { throw ExitCode(1) }
        }
    }
}
