import Foundation
import NIOConcurrencyHelpers
import EvidenceStorage
import NQ57Wire

/// Uploads in progress: each holds its open blob upload (bytes on disk, hash so far) and
/// who may continue it. Only the account that opened an upload may add to it, finish it or
/// abort it; the others are refused and the upload is kept. At most `limits` uploads are
/// open at once. An upload left alone for `idleLimit`, by the service's clock (the one that
/// stamps it), is abandoned and its bytes removed.
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
        var prefix: [UInt8] = []
        var lastActive: Date
    }

    private let lock = NIOLock()
    private var sessions: [String: Session] = [:]
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

    /// Registers an upload in the place its account reserved; returns its id.
    func open(_ session: Session) -> String {
        let id = "up-" + UUID().uuidString.lowercased()
        lock.withLock { sessions[id] = session }
        return id
    }

    /// Runs `body` on the session while holding it, once the caller is found to own it;
    /// chunks of one upload are applied in order. `now` (the service's clock) marks it active.
    func with<T>(_ id: String, account: String?, unitId: String, now: Date, _ body: (inout Session) throws -> T) throws -> T {
        try lock.withLock {
            guard var session = sessions[id] else { throw Self.notFound(id) }
            try Self.checkOwner(session, id: id, account: account, unitId: unitId)
            defer { sessions[id] = session }
            session.lastActive = now
            return try body(&session)
        }
    }

    /// Removes and returns the session, once the caller is found to own it; refused (and the
    /// upload kept) for anyone else.
    func take(_ id: String, account: String?, unitId: String) throws -> Session {
        try lock.withLock {
            guard let session = sessions[id] else { throw Self.notFound(id) }
            try Self.checkOwner(session, id: id, account: account, unitId: unitId)
            sessions[id] = nil
            uncount(session.account)
            return session
        }
    }

    /// Abandons uploads idle for longer than the limit at `now` (the service's clock); returns how many.
    func sweep(now: Date) -> Int {
        let stale = lock.withLock { () -> [Session] in
            let ids = sessions.filter { now.timeIntervalSince($0.value.lastActive) > idleLimit }.map(\.key)
            let removed = ids.compactMap { sessions.removeValue(forKey: $0) }
            for session in removed { uncount(session.account) }
            return removed
        }
        for session in stale { session.upload.abandon() }
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

    private static func checkOwner(_ session: Session, id: String, account: String?, unitId: String) throws {
        guard session.account == account else {
            throw RPCError(.permissionDenied,
                           "Lượt tải lên \"\(id)\" do tài khoản khác mở; chỉ tài khoản đó mới được gửi tiếp, hoàn tất hoặc hủy.",
                           details: ["field": "uploadId"])
        }
        guard session.unitId == unitId else {
            throw RPCError(.permissionDenied, "Lượt tải lên này thuộc đơn vị khác.", details: ["field": "unitId"])
        }
    }

    private static func notFound(_ id: String) -> RPCError {
        RPCError(.notFound, "Không có lượt tải lên \"\(id)\" (có thể đã hết hạn sau thời gian chờ).", details: ["field": "uploadId"])
    }
}
