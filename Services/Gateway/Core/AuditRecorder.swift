import Foundation
import Logging
import NIOConcurrencyHelpers
import NQ57API
import NQ57Wire

/// The gateway's record of every write that goes through it (who, when, method, target,
/// outcome), sent to the auth service's audit log in batches. Kept in memory until the auth
/// service has it; if it stays away, the oldest records beyond `limit` are dropped, and that
/// is logged.
public final class AuditRecorder: Sendable {
    private let pending = NIOLockedValueBox<[AuditRecord]>([])
    private let limit: Int
    private let logger: Logger

    /// Creates a recorder holding at most `limit` unsent records.
    public init(limit: Int = 100_000, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    /// Notes one call.
    public func record(_ record: AuditRecord) {
        let dropped = pending.withLockedValue { records -> Int in
            records.append(record)
            let excess = records.count - limit
            if excess > 0 { records.removeFirst(excess) }
            return max(0, excess)
        }
        if dropped > 0 { logger.error("audit records dropped: auth service unreachable", metadata: ["dropped": "\(dropped)"]) }
    }

    /// Sends what is pending; on failure keeps it for the next flush.
    public func flush(to auth: RPCClient) async {
        let batch = pending.withLockedValue { records in
            defer { records.removeAll() }
            return records
        }
        guard !batch.isEmpty else { return }
        do {
            _ = try await auth.call(AuthAuditAppend.self, AuthAuditAppend.Params(entries: batch), timeout: .seconds(5))
        } catch {
            pending.withLockedValue { $0.insert(contentsOf: batch, at: 0) }
            logger.warning("audit flush failed; will retry", metadata: ["records": "\(batch.count)", "error": "\(error)"])
        }
    }
}
