import EvidenceStorage
import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57Wire

extension EvidenceContext {
    /// File work runs on NIO's blocking pool, never on the loops or the cooperative threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// A storage failure that is not about the caller's bytes (a full disk, no file
    /// descriptors left, an I/O error): `unavailable`, logged with its cause.
    static func storageFailure(_ error: any Error, logger: Logger, operation: String) -> any Error {
        if error is RPCError { return error }
        logger.error("evidence storage failed", metadata: ["operation": "\(operation)", "error": "\(error)"])
        return RPCError(.unavailable, "Máy chủ lưu trữ minh chứng tạm thời không ghi được; hãy thử lại sau hoặc báo quản trị hệ thống.",
                        details: ["reason": "storage"])
    }
}
