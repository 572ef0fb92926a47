import NIOPosix
import EvidenceS3Store
import EvidenceStorage
import NQ57Runtime
import NQ57S3

/// `nq57 evidence migrate --to s3`, as a library the tests drive: the local folder's files
/// moved one by one into the settings' S3 store (see ``BlobMigration``), a line per file.
public enum EvidenceMigration {
    /// What a run did.
    public struct Report: Sendable, Equatable {
        /// Files copied, checked and removed from the folder.
        public var moved = 0
        /// Bytes of those files.
        public var movedBytes: Int64 = 0
        /// Files found already intact in the store (a run interrupted after the copy).
        public var alreadyThere = 0
        /// Files left in the folder: damaged there, or not confirmed in the store.
        public var kept = 0
        /// Files the stores failed on (outage): left in the folder, for the next run.
        public var failed = 0

        /// One Vietnamese line.
        public var summary: String {
            "Đã chuyển \(moved) tệp (\(movedBytes) byte), \(alreadyThere) tệp đã có sẵn trong kho, "
                + "\(kept) tệp giữ lại trên đĩa, \(failed) tệp lỗi (chạy lại lệnh để tiếp tục)."
        }
    }

    /// Moves every file of `folder` into `objectStore`, reporting each through `line`.
    public static func run(folder: String, objectStore: NQ57Settings.ObjectStore,
                           line: @escaping @Sendable (String) -> Void) async throws -> Report {
        let client = try S3Client(configuration: EvidenceStoreChoice.configuration(objectStore))
        // The store's calls block: on NIO's thread pool, never on the cooperative threads their own tasks need.
        do {
            let report = try await NIOThreadPool.singleton.runIfActive {
                try migrate(BlobMigration(source: try LocalBlobStore(root: folder), destination: S3BlobStore(storage: client)), line: line)
            }
            await client.shutdown()
            return report
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Moves every file `migration` finds in its folder (blocking: call from a thread of its own).
    static func migrate(_ migration: BlobMigration, line: (String) -> Void) throws -> Report {
        var report = Report()
        for hash in try migration.remaining() {
            do {
                switch try migration.move(hash) {
                case let .moved(bytes):
                    report.moved += 1
                    report.movedBytes += bytes
                    line("ĐÃ CHUYỂN\t\(hash)\t\(bytes)")
                case .alreadyThere:
                    report.alreadyThere += 1
                    line("ĐÃ CÓ\t\(hash)")
                case .damaged:
                    report.kept += 1
                    line("HỎNG TRÊN ĐĨA\t\(hash)")
                case let .notConfirmed(found):
                    report.kept += 1
                    line("KHÔNG XÁC NHẬN ĐƯỢC\t\(hash)\t\(found)")
                }
            } catch {
                report.failed += 1
                line("LỖI\t\(hash)\t\(error)")
            }
        }
        return report
    }
}
