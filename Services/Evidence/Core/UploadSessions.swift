import Foundation
import NIOConcurrencyHelpers
import EvidenceStorage
import NQ57Wire

/// Uploads in progress: each holds its open blob upload (bytes on disk, hash so far) and
/// who may continue it. Only the account that opened an upload may add to it, finish it or
/// abort it; the others are refused and the upload is kept. At most `limits` uploads are
/// open at once. An upload left alone for `idleLimit`, by the service's clock (the one that
/// stamps it), is abandoned and its bytes removed.
///
/// Each upload has its own lock for its chunks: a chunk that waits (a slow disk, an object
/// store with no room for another part) holds up only the upload it belongs to, never the
/// other accounts' chunks, starts and finishes.
final class UploadSessions: @unchecked Sendable {
    struct Session {
        var upload: any BlobUpload
        var unitId: String
        var unitPath: String
        var account: String?
        var fileName: String
        var supports: String?
        var expectedSHA256: String?
        var requestPublication: Bool
        /// The size the client announced, if it did: bytes beyond it are refused.
        var announcedSize: Int64?
        /// The memory the store may hold for this upload, leased from the service's budget;
        /// given back when the upload is finished, aborted or swept (and, at the latest, when
        /// the last copy of the session goes).
        var lease: BufferLease
        var prefix: [UInt8] = []
    }

    /// One open upload: its owner (fixed at opening, checked without its lock), its session
    /// behind its own lock, and, under the registry's lock, when it was last used and how
    /// many chunks are at work on it.
    private final class Slot: @unchecked Sendable {
        let account: String?
        let unitId: String
        let lock = NIOLock()
        /// Guarded by `lock`.
        var session: Session
        /// Set by `take` under `lock`: a chunk that waited for the lock finds the upload gone.
        var closed = false
        /// Guarded by the registry's lock.
        var lastActive: Date
        /// Whether a chunk is being written to this upload; guarded by the registry's lock. The sweep leaves such an upload alone.
        var writing = false

        init(_ session: Session, now: Date) {
            account = session.account
            unitId = session.unitId
            lastActive = now
            self.session = session
        }
    }

    private let lock = NIOLock()
    private var sessions: [String: Slot] = [:]
    /// Open uploads and places held for uploads being opened, by account.
    private var counts: [String: Int] = [:]
    private var total = 0
    let idleLimit: TimeInterval
    let limits: UploadLimits

    init(idleLimit: TimeInterval = 15 * 60, limits: UploadLimits = UploadLimits()) {
        self.idleLimit = idleLimit
        self.limits = limits
    }

    /// Holds a place for an upload `account` is about to open, or refuses with
    /// `resource_exhausted` when the account or the service has as many open as allowed.
    /// Follow with `open` once the upload exists, or `release` if opening it failed.
    func reserve(account: String?) throws {
        try lock.withLock {
            let key = account ?? ""
            let mine = counts[key, default: 0]
            guard mine < limits.perAccount else {
                throw RPCError(.resourceExhausted,
                               "Tài khoản đang có \(mine) lượt tải lên chưa hoàn tất (tối đa \(limits.perAccount)); hãy hoàn tất hoặc hủy bớt trước khi mở lượt mới.",
                               details: ["scope": "account", "limit": String(limits.perAccount)])
            }
            guard total < limits.perService else {
                throw RPCError(.resourceExhausted,
                               "Hệ thống đang nhận quá nhiều tệp cùng lúc (tối đa \(limits.perService) lượt tải lên); hãy thử lại sau ít phút.",
                               details: ["scope": "service", "limit": String(limits.perService)])
            }
            counts[key] = mine + 1
            total += 1
        }
    }

    /// Gives back a place held by `reserve` that no upload took.
    func release(account: String?) {
        lock.withLock { uncount(account) }
    }

    /// Registers an upload in the place its account reserved, active at `now`; returns its id.
    func open(_ session: Session, now: Date) -> String {
        let id = "up-" + UUID().uuidString.lowercased()
        lock.withLock { sessions[id] = Slot(session, now: now) }
        return id
    }

    /// Runs `body` on the session while holding that upload's own lock, once the caller is
    /// found to own it; other uploads go on meanwhile. A chunk that comes while another of the
    /// same upload is being written is refused at once (`failed_precondition`), not queued: a
    /// client sends the next chunk after the answer to the last, and chunks sent together
    /// cannot hold the service's threads waiting. `now` (the service's clock) marks it active.
    func with<T>(_ id: String, account: String?, unitId: String, now: Date, _ body: (inout Session) throws -> T) throws -> T {
        let slot = try lock.withLock {
            let slot = try owned(id, account: account, unitId: unitId)
            guard !slot.writing else {
                throw RPCError(.failedPrecondition, "Phần trước của lượt tải lên này đang được ghi; hãy gửi phần tiếp theo sau khi phần trước được trả lời.",
                               details: ["field": "offset", "reason": "chunkInProgress"])
            }
            slot.lastActive = now
            slot.writing = true
            return slot
        }
        defer { lock.withLock { slot.writing = false } }
        return try slot.lock.withLock {
            guard !slot.closed else { throw Self.notFound(id) }
            return try body(&slot.session)
        }
    }

    /// Removes and returns the session, once the caller is found to own it; refused (and the
    /// upload kept) for anyone else. A chunk still being applied is waited for.
    func take(_ id: String, account: String?, unitId: String) throws -> Session {
        let slot = try lock.withLock {
            let slot = try owned(id, account: account, unitId: unitId)
            sessions[id] = nil
            uncount(slot.account)
            return slot
        }
        return slot.lock.withLock {
            slot.closed = true
            return slot.session
        }
    }

    /// Abandons uploads idle for longer than the limit at `now` (the service's clock); returns
    /// how many. An upload with a chunk at work is not idle, however long that chunk waits.
    func sweep(now: Date) -> Int {
        let stale = lock.withLock { () -> [Slot] in
            let ids = sessions.filter { !$0.value.writing && now.timeIntervalSince($0.value.lastActive) > idleLimit }.map(\.key)
            let removed = ids.compactMap { sessions.removeValue(forKey: $0) }
            for slot in removed { uncount(slot.account) }
            return removed
        }
        for slot in stale {
            let (upload, lease) = slot.lock.withLock { () -> (any BlobUpload, BufferLease) in
                slot.closed = true
                return (slot.session.upload, slot.session.lease)
            }
            upload.abandon()
            lease.release()
        }
        return stale.count
    }

    /// How many uploads are open (places held included).
    var openCount: Int { lock.withLock { total } }

    /// Drops one from the counts of `account`. The lock must be held.
    private func uncount(_ account: String?) {
        let key = account ?? ""
        let mine = counts[key, default: 0] - 1
        counts[key] = mine > 0 ? mine : nil
        total = max(0, total - 1)
    }

    /// The upload `id` if the caller owns it; refused for anyone else. The lock must be held.
    private func owned(_ id: String, account: String?, unitId: String) throws -> Slot {
        guard let slot = sessions[id] else { throw Self.notFound(id) }
        guard slot.account == account else {
            throw RPCError(.permissionDenied,
                           "Lượt tải lên \"\(id)\" do tài khoản khác mở; chỉ tài khoản đó mới được gửi tiếp, hoàn tất hoặc hủy.",
                           details: ["field": "uploadId"])
        }
        guard slot.unitId == unitId else {
            throw RPCError(.permissionDenied, "Lượt tải lên này thuộc đơn vị khác.", details: ["field": "unitId"])
        }
        return slot
    }

    private static func notFound(_ id: String) -> RPCError {
        RPCError(.notFound, "Không có lượt tải lên \"\(id)\" (có thể đã hết hạn sau thời gian chờ).", details: ["field": "uploadId"])
    }
}
