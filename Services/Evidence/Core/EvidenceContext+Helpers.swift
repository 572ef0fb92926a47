import EvidenceStorage
import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57Wire

extension EvidenceContext {
    /// Storage work runs on ``blockingPool``, never on the loops or the cooperative threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await blockingPool.runIfActive(work)
    }

    /// Threads for the service's storage work: file and object-store calls, hashing, and
    /// appends that wait for an object store to take a part. Far more than the cores, since
    /// most of them wait: on NIO's shared pool (one thread per core) two uploads stalled by a
    /// slow object store held up every read and every other upload.
    static let blockingPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 32)
        pool.start()
        return pool
    }()

    /// A storage failure that is not about the caller's bytes (a full disk, no file
    /// descriptors left, an I/O error): `unavailable`, logged with its cause.
    static func storageFailure(_ error: any Error, logger: Logger, operation: String) -> any Error {
        if error is RPCError { return error }
        logger.error("evidence storage failed", metadata: ["operation": "\(operation)", "error": "\(error)"])
        return RPCError(.unavailable, "Máy chủ lưu trữ minh chứng tạm thời không ghi được; hãy thử lại sau hoặc báo quản trị hệ thống.",
                        details: ["reason": "storage"])
    }
}
