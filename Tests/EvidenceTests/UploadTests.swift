import EvidenceStorage
import Foundation
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 items 3 and 6: open uploads are capped per account and per service, swept by
/// the service's clock, and only their owner may continue, finish or abort them.
@Suite struct UploadTests {
    @Test("Open uploads are capped per account and per service (resource_exhausted); closing one frees its place")
    func caps() async throws {
        let fixture = try EvidenceFixture(limits: UploadLimits(perAccount: 3, perService: 5))
        defer { fixture.remove() }
        var mine: [String] = []
        for _ in 0..<3 { mine.append(try await fixture.start()) }
        let overAccount = await capture { _ = try await fixture.start() }
        #expect(overAccount?.code == .resourceExhausted)
        #expect(overAccount?.details?["scope"] == "account")

        _ = try await fixture.start(as: EvidenceFixture.otherStaff)
        _ = try await fixture.start(as: EvidenceFixture.head)
        let overService = await capture { _ = try await fixture.start(as: EvidenceFixture.otherStaff) }
        #expect(overService?.code == .resourceExhausted)
        #expect(overService?.details?["scope"] == "service")

        try await fixture.authority.uploads.abort(.init(uploadId: mine[0], unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        try await fixture.chunk(mine[1], EvidenceFixture.png())
        _ = try await fixture.authority.uploads.finish(.init(uploadId: mine[1], unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        _ = try await fixture.start()
        _ = try await fixture.start()
        #expect(await errorCode { _ = try await fixture.start() } == .resourceExhausted)
    }

    @Test("An upload that cannot begin (no descriptors left) answers unavailable and holds no place")
    func failedStartHoldsNoPlace() async throws {
        let fixture = try EvidenceFixture(limits: UploadLimits(perAccount: 2, perService: 2))
        defer { fixture.remove() }
        fixture.store.failUploads(with: .io(operation: "open", path: "incoming/…", code: EMFILE))
        for _ in 0..<4 { #expect(await errorCode { _ = try await fixture.start() } == .unavailable) }
        fixture.store.failUploads(with: nil)
        _ = try await fixture.start()
        _ = try await fixture.start()
    }

    @Test("Two uploads stalled in storage hold up no one else: another account uploads, finishes and reads; the stalled go on once storage does")
    func stalledUploadsHoldUpNoOne() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let stored = try await fixture.upload(EvidenceFixture.png(seed: 9), as: EvidenceFixture.head)
        let gate = fixture.store.appendGate
        gate.shut()
        let stalledChunk = EvidenceFixture.png(size: AppendGate.heldSize, seed: 2)
        var stalled: [Task<Int64, any Error>] = []
        for caller in [EvidenceFixture.staff, EvidenceFixture.otherStaff] {
            let id = try await fixture.start(as: caller)
            stalled.append(Task { try await fixture.chunk(id, stalledChunk, as: caller) })
        }
        try #require(try await gate.holding(2))

        // Each step would wait behind the stalled appends (until the gate gives up after 60 s) on one lock
        // for every upload, or on a pool of one thread per core.
        let file = try await fixture.upload(EvidenceFixture.png(seed: 3), as: EvidenceFixture.head)
        let read = try await fixture.read(stored.id)
        #expect(file.size == Int64(EvidenceFixture.png(seed: 3).count))
        #expect(read == EvidenceFixture.png(seed: 9))
        #expect(gate.waiting == 2, "the stalled appends are still held while the others went through")

        gate.open()
        for task in stalled { #expect(try await task.value == Int64(stalledChunk.count)) }
    }

    @Test("Eight copies of one chunk sent at once: exactly one is applied, the others are refused (the offset expected, or a chunk in progress); the file is whole")
    func sameChunkAtOnce() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png(size: 200_000, seed: 4)
        let id = try await fixture.start()
        let outcomes = await withTaskGroup(of: RPCError?.self) { group in
            for _ in 0..<8 { group.addTask { await capture { try await fixture.chunk(id, Array(bytes[..<100_000])) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.compactMap { $0 }.allSatisfy {
            $0.code == .failedPrecondition && ($0.details?["expectedOffset"] == "100000" || $0.details?["reason"] == "chunkInProgress")
        })
        try await fixture.chunk(id, Array(bytes[100_000...]), at: 100_000)
        let file = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(file.size == Int64(bytes.count))
        #expect(try await fixture.read(file.id) == bytes)
    }

    @Test("Forty chunks sent at once to an upload whose chunk is stalled are refused at once and hold no thread: others still upload")
    func floodOnAStalledUpload() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let gate = fixture.store.appendGate
        gate.shut()
        let bytes = EvidenceFixture.png(size: AppendGate.heldSize, seed: 6)
        let id = try await fixture.start()
        let stalled = Task { try await fixture.chunk(id, bytes) }
        try #require(try await gate.holding(1))

        // More than the service's 32 storage threads: had they waited their turn, nothing else could run.
        let refusals = await withTaskGroup(of: RPCError?.self) { group in
            for round in 0..<40 {
                group.addTask { await capture { try await fixture.chunk(id, bytes, at: Int64(round % 2) * Int64(bytes.count)) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(refusals.allSatisfy { $0?.code == .failedPrecondition && $0?.details?["reason"] == "chunkInProgress" })
        let other = try await fixture.upload(EvidenceFixture.png(seed: 7), as: EvidenceFixture.otherStaff)
        #expect(other.size == Int64(EvidenceFixture.png(seed: 7).count))
        #expect(gate.waiting == 1, "the stalled chunk is still held")

        gate.open()
        #expect(try await stalled.value == Int64(bytes.count))
        let file = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(try await fixture.read(file.id) == bytes, "the flood added nothing")
    }

    @Test("Finishing or aborting an upload whose chunk is still being written waits for that chunk; a chunk after the finish finds no upload")
    func finishWaitsForItsChunk() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let gate = fixture.store.appendGate
        gate.shut()
        let bytes = EvidenceFixture.png(size: AppendGate.heldSize, seed: 5)
        let kept = try await fixture.start()
        let dropped = try await fixture.start()
        let chunks = [kept, dropped].map { id in Task { try await fixture.chunk(id, bytes) } }
        try #require(try await gate.holding(2))

        let finished = Task { try await fixture.authority.uploads.finish(.init(uploadId: kept, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff) }
        let aborted = Task { try await fixture.authority.uploads.abort(.init(uploadId: dropped, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff) }
        try #require(try await eventually { fixture.authority.uploads.sessions.openCount == 0 },
                     "both uploads are taken out of the open ones at once")
        #expect(await errorCode { try await fixture.chunk(kept, bytes, at: 0) } == .notFound, "the upload is closing: no chunk joins it")
        gate.open()
        for chunk in chunks { #expect(try await chunk.value == Int64(bytes.count)) }
        let file = try await finished.value
        try await aborted.value
        #expect(file.size == Int64(bytes.count), "finish took the chunk it waited for")
        #expect(try await fixture.read(file.id) == bytes)
        #expect(await errorCode { try await fixture.chunk(dropped, bytes, at: Int64(bytes.count)) } == .notFound)
    }

    @Test("The limits are settings with defaults (20 per account, 1,000 per service); unusable values stop the start")
    func limitSettings() throws {
        func limits(_ environment: [String: String]) throws -> UploadLimits {
            UploadLimits(settings: try NQ57Settings.resolve(service: "evidence", options: ServiceOptions.parse([]), environment: environment).evidence)
        }
        #expect(try limits([:]) == UploadLimits(perAccount: 20, perService: 1000))
        #expect(try limits(["NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT": "5", "NQ57_EVIDENCE_MAX_UPLOADS": "50"])
                == UploadLimits(perAccount: 5, perService: 50))
        #expect(throws: SettingsError.self) { try limits(["NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT": "0"]) }
        #expect(throws: SettingsError.self) { try limits(["NQ57_EVIDENCE_MAX_UPLOADS": "x"]) }
    }

    @Test("Idle uploads are swept by the service's clock, the one that stamps their last chunk")
    func sweepUnderASetClock() async throws {
        let fixture = try EvidenceFixture()  // the clock stands at 20/11/2025, a year before the wall clock
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png()
        let active = try await fixture.start()
        let idle = try await fixture.start()
        fixture.clock.advance(by: 10 * 60)
        try await fixture.chunk(active, Array(bytes[..<1000]))
        try await fixture.chunk(idle, Array(bytes[..<1000]))
        fixture.clock.advance(by: 10 * 60)
        try await fixture.chunk(active, Array(bytes[1000...]), at: 1000)
        fixture.clock.advance(by: 10 * 60)
        fixture.authority.uploads.sweep()  // idle: 20 min since its last chunk; active: 10 min

        #expect(await errorCode { try await fixture.chunk(idle, Array(bytes[1000...]), at: 1000) } == .notFound)
        let file = try await fixture.authority.uploads.finish(.init(uploadId: active, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(file.size == Int64(bytes.count))
        #expect(fixture.authority.uploads.sessions.openCount == 0, "the swept upload's place is free again")
    }

    @Test("Bytes another process left behind are swept by the service's clock, not by their file's wall-clock time")
    func leftoversSweptByTheServiceClock() async throws {
        let fixture = try EvidenceFixture()  // the clock stands at 20/11/2025, a year before the wall clock
        defer { fixture.remove() }
        let incoming = "\(fixture.folder)/blobs/incoming"
        let leftover = "\(incoming)/0123456789abcdef0123456789abcdef.part"
        try Data(EvidenceFixture.png(size: 100)).write(to: URL(fileURLWithPath: leftover))
        let open = try await fixture.start()
        try await fixture.chunk(open, Array(EvidenceFixture.png()[..<1000]))

        fixture.authority.uploads.sweep()  // seen for the first time
        fixture.clock.advance(by: 15 * 60)
        try await fixture.chunk(open, Array(EvidenceFixture.png()[1000...]), at: 1000)
        fixture.authority.uploads.sweep()
        #expect(FileManager.default.fileExists(atPath: leftover), "15 minutes unchanged: not yet (the limit is 16)")
        fixture.clock.advance(by: 60)
        fixture.authority.uploads.sweep()
        #expect(!FileManager.default.fileExists(atPath: leftover), "16 minutes by the service's clock, though written seconds ago")
        let parts = try FileManager.default.contentsOfDirectory(atPath: incoming).filter { $0.hasSuffix(".part") }
        #expect(parts.count == 1, "the open upload's bytes stay")
        let file = try await fixture.authority.uploads.finish(.init(uploadId: open, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(file.size == 3000)
    }

    @Test("Another account's chunk, finish or abort is refused and the upload still finishes for its owner")
    func uploadsOfOthers() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png()
        let id = try await fixture.start()
        try await fixture.chunk(id, Array(bytes[..<1000]))
        let other = EvidenceFixture.otherStaff
        let pkt = EvidenceFixture.pkt

        #expect(await errorCode { try await fixture.chunk(id, Array(bytes[1000...]), at: 1000, as: other) } == .permissionDenied)
        let finish = await capture { _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: pkt), caller: other) }
        #expect(finish?.code == .permissionDenied)
        #expect(finish?.details?["field"] == "uploadId")
        #expect(await errorCode { try await fixture.authority.uploads.abort(.init(uploadId: id, unitId: pkt), caller: other) } == .permissionDenied)
        #expect(await errorCode {
            _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: "vn-75-25246"), caller: EvidenceFixture.staff)
        } == .permissionDenied, "the owner naming another unit")

        try await fixture.chunk(id, Array(bytes[1000...]), at: 1000)
        let file = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: pkt), caller: EvidenceFixture.staff)
        #expect(try await fixture.read(file.id) == bytes)
    }

    @Test("A chunk without its raw frame and a read of an unknown file name the field they are about")
    func refusalsNameTheirField() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let id = try await fixture.start()
        let noBulk = await capture {
            _ = try await fixture.authority.uploads.chunk(.init(uploadId: id, unitId: EvidenceFixture.pkt, offset: 0), bulk: nil,
                                                          caller: EvidenceFixture.staff)
        }
        #expect(noBulk?.code == .invalidArgument)
        #expect(noBulk?.details?["field"] == "bulk")
        let unknownRead = await capture { _ = try await fixture.read("ev-unknown") }
        #expect(unknownRead?.code == .notFound)
        #expect(unknownRead?.details?["field"] == "id")
    }

    @Test("The owner aborts an upload: its place is freed and it is gone")
    func abortByOwner() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let id = try await fixture.start()
        try await fixture.chunk(id, EvidenceFixture.png())
        try await fixture.authority.uploads.abort(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(fixture.authority.uploads.sessions.openCount == 0)
        #expect(await errorCode {
            _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        } == .notFound)
    }
}

/// The `RPCError` a call ends with, or nil.
func capture(_ body: () async throws -> Void) async -> RPCError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? RPCError
    }
}
