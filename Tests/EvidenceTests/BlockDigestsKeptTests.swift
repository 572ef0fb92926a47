import EvidenceStorage
import Foundation
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import Testing
@testable import EvidenceCore

/// Issue 17: the block digests a download is checked against survive a restart, so the first
/// download after one does not read the whole file (over the network, with an object store) again.
@Suite struct BlockDigestsKeptTests {
    @Test("a file read whole once is, after a restart, read by its own blocks only; damage drops the digests")
    func keptAcrossRestart() async throws {
        let fixture = try EvidenceFixture()
        let bytes = EvidenceFixture.png(size: 3 << 20 | 123)
        let file = try await fixture.upload(bytes)
        _ = try await fixture.read(file.id)
        #expect(fixture.store.wholeReads.withLock { $0 } == 1, "the local store learns the digests by one whole read")

        // The service restarts: a new authority over the same database and store.
        let ledger = try EvidenceLedger(database: fixture.database, keyPath: "\(fixture.folder)/log-key.pem", clock: fixture.clock.clock)
        let restarted = EvidenceAuthority(database: fixture.database, store: fixture.store, units: FixedUnits(), ledger: ledger,
                                          maxChunkBytes: 1 << 20, clock: fixture.clock.clock)
        let second = try await restarted.reading.read(.init(id: file.id, unitId: EvidenceFixture.pkt, offset: 1 << 20, length: 1 << 20),
                                                  caller: EvidenceFixture.staff)
        #expect(second.bulk.map { Array($0.readableBytesView) } == Array(bytes[(1 << 20)..<(2 << 20)]))
        #expect(fixture.store.wholeReads.withLock { $0 } == 1, "no whole read after the restart")

        // Damage found by a read forgets them: the next reader reads the whole file again.
        var changed = bytes
        changed[(2 << 20) + 5] ^= 0xFF
        try fixture.overwriteObject(file.sha256, with: changed)
        await #expect(throws: (any Error).self) {
            _ = try await restarted.reading.read(.init(id: file.id, unitId: EvidenceFixture.pkt, offset: 2 << 20, length: 1 << 20),
                                                 caller: EvidenceFixture.staff)
        }
        let kept = try await fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM block_digests") }
        #expect(kept == 0)
    }
}
