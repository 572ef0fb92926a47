import Foundation
import GRDB
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NQ57API
import NQ57Wire
import Testing
@testable import GatewayCore

/// The gateway's audit journal: records are on disk before the call is answered, survive the
/// process, and reach the auth service's log in bounded batches, removed only once stored.
@Suite(.serialized)
struct AuditJournalTests {
    static func folder() -> String { "/tmp/nq57-journal-\(UUID().uuidString.prefix(8))" }

    static func record(_ index: Int, target: String? = nil) -> AuditRecord {
        AuditRecord(at: Date(timeIntervalSince1970: 1_765_760_400 + Double(index)), account: "acc-1", username: "cv.binhtan",
                    unitPath: "/vn/vn-75/vn-75-25246/", method: "tasks.progress", action: "call", target: target ?? "task:t-\(index)",
                    outcome: "ok")
    }

    /// Stands in for the auth service's `auth.audit.append` on a real socket, keeping each batch.
    static func startAuditSink(at path: String, batches: NIOLockedValueBox<[[AuditRecord]]>) async throws -> RPCServer {
        var routes = MethodRoutes()
        routes.on(AuthAuditAppend.self) { params, _ in
            batches.withLockedValue { $0.append(params.entries) }
            return Empty()
        }
        let server = RPCServer(configuration: .init(socketPath: path), handler: MethodRouter(service: "auth", routes: routes),
                               group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        try await server.start()
        return server
    }

    static func authClient(_ path: String) -> RPCClient {
        RPCClient(configuration: .init(socketPath: path, serviceName: "auth"), group: MultiThreadedEventLoopGroup.singleton,
                  logger: Logger(label: "test"))
    }

    @Test("An appended record is on disk when its future succeeds: a journal opened afresh on the file (a restart) has it, synced in full")
    func durable() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let record = Self.record(1)
        try await journal.append(record, on: loop).get()
        let synchronous = try await journal.database.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "FULL (2) on the writer, not GRDB's NORMAL (1)")
        let mode = try await journal.database.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")

        let reopened = try AuditJournal(path: "\(folder)/gateway.sqlite")
        let entries = try await reopened.oldest(maxBytes: 1 << 20)
        #expect(entries.map(\.record) == [record])
        await journal.close()
        await reopened.close()
    }

    @Test("Many records appended at once are all journalled, each answered, in one order")
    func concurrentAppends() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")
        let futures = (0..<300).map { index in
            journal.append(Self.record(index), on: MultiThreadedEventLoopGroup.singleton.next())
        }
        for future in futures { try await future.get() }
        let entries = try await journal.oldest(maxBytes: 1 << 30)
        #expect(entries.count == 300)
        #expect(Set(entries.compactMap(\.record.id)).count == 300)
        #expect(entries.map(\.seq) == entries.map(\.seq).sorted())
        await journal.close()
    }

    @Test("Records wait in the journal while the auth service is away, and leave it only once it has stored them")
    func shipsWhenAuthIsBack() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socket = "/tmp/nq57-audit-\(UUID().uuidString.prefix(8)).sock"
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")
        let shipper = AuditShipper(journal: journal, maxFrameBytes: 16 << 20, callTimeout: .seconds(60))
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        for index in 1...5 { try await journal.append(Self.record(index), on: loop).get() }
        let auth = Self.authClient(socket)

        await #expect(throws: (any Error).self, "nobody listens") { try await shipper.ship(to: auth) }
        #expect(try await journal.count() == 5, "kept, not dropped")

        let batches = NIOLockedValueBox<[[AuditRecord]]>([])
        let server = try await Self.startAuditSink(at: socket, batches: batches)
        #expect(try await shipper.ship(to: auth) == 5)
        #expect(batches.withLockedValue { $0.flatMap { $0 } }.map(\.target) == (1...5).map { "task:t-\($0)" }, "oldest first")
        #expect(try await journal.count() == 0)
        #expect(try await shipper.ship(to: auth) == 0, "nothing is sent twice once confirmed")
        await auth.close()
        await server.shutdown()
        await journal.close()
    }

    @Test("No batch exceeds its byte budget, a quarter of the frame limit at most, and every record arrives")
    func batchesBounded() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socket = "/tmp/nq57-audit-\(UUID().uuidString.prefix(8)).sock"
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")
        let frameLimit = 16 << 10
        // A loaded machine (a full test run) can take over 5 s to answer a batch; that is not what this test is about.
        let shipper = AuditShipper(journal: journal, maxFrameBytes: frameLimit, callTimeout: .seconds(60))
        #expect(shipper.maxBatchBytes == frameLimit / 4)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let long = String(repeating: "x", count: 120)
        let futures = (0..<400).map { journal.append(Self.record($0, target: "task:\(long)-\($0)"), on: loop) }
        for future in futures { try await future.get() }

        let batches = NIOLockedValueBox<[[AuditRecord]]>([])
        let server = try await Self.startAuditSink(at: socket, batches: batches)
        let auth = Self.authClient(socket)
        #expect(try await shipper.ship(to: auth) == 400)
        let sent = batches.withLockedValue { $0 }
        #expect(sent.count > 1, "split into several batches")
        #expect(sent.flatMap { $0 }.count == 400)
        for batch in sent {
            let bytes = try RawJSON.encode(AuthAuditAppend.Params(entries: batch)).buffer.readableBytes
            #expect(bytes <= frameLimit / 4 + 64, "a batch of \(bytes) bytes")
        }
        await auth.close()
        await server.shutdown()
        await journal.close()
    }
}
