import Foundation
import GRDB
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The gateway's durable journal of audit records, in its own SQLite database
/// (`DIR/gateway/gateway.sqlite`, WAL, `synchronous = FULL`): a record is on disk before the
/// call it describes is answered, so an acknowledged write keeps its record whatever process
/// is killed next. `AuditShipper` moves the records on to the auth service's log.
///
/// Records that arrive while a transaction is being written wait and go together in the next
/// one (group commit): one fsync serves every call answered in that moment, so the cost per
/// call falls as load rises.
public final class AuditJournal: Sendable {
    /// A journalled record, with its place in the journal and its size as it travels.
    public struct Entry: Sendable {
        public var seq: Int64
        public var record: AuditRecord
        public var bytes: Int
    }

    private struct Waiting {
        var json: String
        var promise: EventLoopPromise<Void>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    /// The journal's database.
    public let database: ServiceDatabase
    private let state = NIOLockedValueBox(State())
    private let writer = NIOThreadPool(numberOfThreads: 1)

    /// Opens (creating if needed) the journal at `path`.
    public init(path: String) throws {
        database = try ServiceDatabase(path: path) { migrator in
            migrator.registerMigration("0002_audit_journal") { db in
                try db.execute(sql: "CREATE TABLE audit_journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL)")
            }
        }
        // GRDB's pool sets synchronous = NORMAL on its writer after `prepareDatabase` runs, so
        // FULL is set here, once the pool is open: every commit is synced before it returns.
        try database.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        writer.start()
    }

    /// Journals `record`; the future succeeds once it is on disk, or fails if it cannot be written.
    public func append(_ record: AuditRecord, on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        let json: String
        do {
            json = String(decoding: try JSONCoding.encoder().encode(record), as: UTF8.self)
        } catch {
            promise.fail(error)
            return promise.futureResult
        }
        let startWriting = state.withLockedValue { state -> Bool in
            state.waiting.append(Waiting(json: json, promise: promise))
            defer { state.writing = true }
            return !state.writing
        }
        if startWriting {
            writer.submit { [self] workState in
                writeWaiting(cancelled: workState == .cancelled)
            }
        }
        return promise.futureResult
    }

    /// Writes what waits, one transaction per round, until nothing waits.
    private func writeWaiting(cancelled: Bool) {
        while true {
            let batch = state.withLockedValue { state -> [Waiting] in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                if cancelled { throw AuditJournalClosed() }
                try database.pool.write { db in
                    let insert = try db.cachedStatement(sql: "INSERT INTO audit_journal (record) VALUES (?)")
                    for item in batch { try insert.execute(arguments: [item.json]) }
                }
                for item in batch { item.promise.succeed() }
            } catch {
                for item in batch { item.promise.fail(error) }
            }
        }
    }

    /// The oldest records, in order, as many as fit in `maxBytes` (at least one, if any).
    public func oldest(maxBytes: Int) async throws -> [Entry] {
        try await database.pool.read { db in
            var entries: [Entry] = []
            var total = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, record FROM audit_journal ORDER BY seq")
            while let row = try rows.next() {
                let json: String = row["record"]
                let bytes = json.utf8.count + 1
                if !entries.isEmpty && total + bytes > maxBytes { break }
                let record = try JSONCoding.decoder().decode(AuditRecord.self, from: Data(json.utf8))
                entries.append(Entry(seq: row["seq"], record: record, bytes: bytes))
                total += bytes
            }
            return entries
        }
    }

    /// Forgets every record up to `seq`, once the auth service has them.
    public func remove(through seq: Int64) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM audit_journal WHERE seq <= ?", arguments: [seq])
        }
    }

    /// How many records wait to be shipped.
    public func count() async throws -> Int {
        try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_journal") ?? 0 }
    }

    /// Stops the writer; records appended afterwards fail.
    public func close() async {
        try? await writer.shutdownGracefully()
    }
}

/// A record was appended after the journal closed.
struct AuditJournalClosed: Error, CustomStringConvertible {
    var description: String { "the audit journal is closed" }
}
