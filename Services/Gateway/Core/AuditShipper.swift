import Logging
import NIOCore
import NQ57API
import NQ57Wire

/// Moves the journal's audit records to the auth service's log (`auth.audit.append`), oldest
/// first, in batches bounded in bytes well under the frame limit, and removes them from the
/// journal only once the auth service has answered that it stored them. A batch whose answer
/// was lost is sent again; the records' ids keep it to one entry each in the log.
public struct AuditShipper: Sendable {
    let journal: AuditJournal
    /// The most bytes of records in one `auth.audit.append`.
    let maxBatchBytes: Int

    /// How long one batch waits for the auth service's answer before the round gives up.
    let callTimeout: TimeAmount

    /// A shipper for `journal`: batches of at most 256 KiB, or a quarter of `maxFrameBytes` if
    /// that is less, each waiting `callTimeout` (5 s) for its answer.
    public init(journal: AuditJournal, maxFrameBytes: Int, callTimeout: TimeAmount = .seconds(5)) {
        self.journal = journal
        self.maxBatchBytes = max(1, min(256 << 10, maxFrameBytes / 4))
        self.callTimeout = callTimeout
    }

    /// Ships until the journal is empty; returns how many records went. Throws if the auth
    /// service cannot take them now (what is left stays in the journal for the next try).
    @discardableResult
    public func ship(to auth: RPCClient) async throws -> Int {
        var shipped = 0
        while true {
            let batch = try await journal.oldest(maxBytes: maxBatchBytes)
            guard let last = batch.last else { return shipped }
            _ = try await auth.call(AuthAuditAppend.self, AuthAuditAppend.Params(entries: batch.map(\.record)), timeout: callTimeout)
            try await journal.remove(through: last.seq)
            shipped += batch.count
        }
    }
}
