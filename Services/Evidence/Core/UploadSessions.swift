import Foundation
import NIOConcurrencyHelpers
import EvidenceStorage
import NQ57Wire

/// Uploads in progress: each holds its open blob upload (bytes on disk, hash so far) and
/// who may continue it. An upload left alone for `idleLimit` is abandoned and its bytes
/// removed.
final class UploadSessions: @unchecked Sendable {
    struct Session {
        var upload: any BlobUpload
        var unitId: String
        var unitPath: String
        var account: String?
        var fileName: String
        var supports: String?
        var expectedSHA256: String?
        var isPublic: Bool
        var prefix: [UInt8] = []
        var lastActive: Date
    }

    private let lock = NIOLock()
    private var sessions: [String: Session] = [:]
    let idleLimit: TimeInterval

    init(idleLimit: TimeInterval = 15 * 60) { self.idleLimit = idleLimit }

    func open(_ session: Session) -> String {
        let id = "up-" + UUID().uuidString.lowercased()
        lock.withLock { sessions[id] = session }
        return id
    }

    /// Runs `body` on the session while holding it; chunks of one upload are applied in order.
    func with<T>(_ id: String, account: String?, _ body: (inout Session) throws -> T) throws -> T {
        try lock.withLock {
            guard var session = sessions[id], session.account == account else {
                throw RPCError(.notFound, "Không có lượt tải lên \"\(id)\" (có thể đã hết hạn sau thời gian chờ).", details: ["field": "uploadId"])
            }
            defer { sessions[id] = session }
            session.lastActive = Date()
            return try body(&session)
        }
    }

    func close(_ id: String) -> Session? {
        lock.withLock { sessions.removeValue(forKey: id) }
    }

    /// Abandons uploads idle for longer than the limit; returns how many.
    func sweep(now: Date = Date()) -> Int {
        let stale = lock.withLock { () -> [Session] in
            let ids = sessions.filter { now.timeIntervalSince($0.value.lastActive) > idleLimit }.map(\.key)
            return ids.compactMap { sessions.removeValue(forKey: $0) }
        }
        for session in stale { session.upload.abandon() }
        return stale.count
    }
}
