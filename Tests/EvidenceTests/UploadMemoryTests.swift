import EvidenceS3Store
import EvidenceStorage
import Foundation
import NIOCore
import NQ57API
import NQ57S3
@testable import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore

/// The evidence service's memory under many uploads and reads at once: every upload leases
/// what its store may hold of it before it opens, every read the chunk it answers, from one
/// budget; a caller finding no room waits its turn, then is refused as busy with nothing lost.
/// A size announced at the start is held to.
@Suite struct UploadMemoryTests {
    private static let mib = 1 << 20

    /// A fixture whose service has a budget of `capacity` MiB, callers waiting `waitLimit`, and
    /// whose store says each upload of unknown size holds 6 MiB (plus its 1 MiB chunk: 7 leased).
    private static func fixture(capacityMiB: Int, waitLimit: Duration, limits: UploadLimits = UploadLimits()) throws -> (BufferBudget, EvidenceFixture) {
        let budget = BufferBudget(capacity: capacityMiB * mib, waitLimit: waitLimit)
        let fixture = try EvidenceFixture(limits: limits, buffers: budget)
        fixture.store.heldPerUpload.withLock { $0 = 6 * mib }
        return (budget, fixture)
    }

    @Test("A start waits for the memory another upload holds and opens once that one finishes; finish, abort and the sweep all give it back")
    func startWaitsForMemory() async throws {
        let (budget, fixture) = try Self.fixture(capacityMiB: 10, waitLimit: .seconds(30))
        defer { fixture.remove() }

        // What the store holds, and the chunk on its way in (1 MiB here).
        let first = try await fixture.start()
        #expect(budget.free == 3 * Self.mib)
        let second = Task { try await fixture.start(as: EvidenceFixture.otherStaff) }
        #expect(try await eventually { budget.waiting == 1 })
        // The waiting start holds up no other call that needs no file bytes, nor the upload holding the memory.
        #expect(try await fixture.authority.reading.info(.init(unitId: EvidenceFixture.pkt, ids: [])).isEmpty)
        try await fixture.chunk(first, EvidenceFixture.png())
        _ = try await fixture.authority.uploads.finish(.init(uploadId: first, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)

        let secondId = try await second.value
        #expect(budget.free == 3 * Self.mib)
        try await fixture.authority.uploads.abort(.init(uploadId: secondId, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.otherStaff)
        #expect(budget.free == 10 * Self.mib)

        let idle = try await fixture.start()
        #expect(budget.free == 3 * Self.mib)
        fixture.clock.advance(by: 16 * 60)
        fixture.authority.sweep()
        #expect(fixture.authority.uploads.sessions.openCount == 0)
        #expect(budget.free == 10 * Self.mib)
        #expect(await errorCode { try await fixture.chunk(idle, EvidenceFixture.png()) } == .notFound)
    }

    @Test("No memory free in time: the start is refused as busy, holds no place, and the account can upload once there is room")
    func startRefusedWhenBusy() async throws {
        let (budget, fixture) = try Self.fixture(capacityMiB: 10, waitLimit: .milliseconds(300), limits: UploadLimits(perAccount: 2, perService: 10))
        defer { fixture.remove() }

        let first = try await fixture.start()
        for _ in 0..<3 {
            let error = await rpcError { _ = try await fixture.start(as: EvidenceFixture.otherStaff) }
            #expect(error?.code == .unavailable)
            #expect(error?.details?["reason"] == "busy")
        }
        // Three refusals took none of the account's two places.
        #expect(fixture.authority.uploads.sessions.openCount == 1)
        try await fixture.authority.uploads.abort(.init(uploadId: first, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        let info = try await fixture.upload(EvidenceFixture.png(seed: 9), as: EvidenceFixture.otherStaff)
        #expect(try await fixture.read(info.id) == EvidenceFixture.png(seed: 9))
        #expect(budget.free == 10 * Self.mib)
    }

    @Test("A read waits for the memory of its chunk, is refused as busy when none comes in time, and works once there is room")
    func readWaitsForMemory() async throws {
        let budget = BufferBudget(capacity: 4 * Self.mib, waitLimit: .milliseconds(300))
        let fixture = try EvidenceFixture(buffers: budget)
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png(size: 3 * Self.mib)
        let info = try await fixture.upload(bytes)

        let held = try await budget.lease(4 * Self.mib - Self.mib / 2)
        let error = await rpcError { _ = try await fixture.read(info.id) }
        #expect(error?.code == .unavailable)
        #expect(error?.details?["reason"] == "busy")
        // A read leases no more than it answers: the last half megabyte fits beside what is held.
        let tailStart = bytes.count - Self.mib / 2
        let tail = try await fixture.authority.reading.read(.init(id: info.id, unitId: EvidenceFixture.pkt, offset: Int64(tailStart), length: 8 * Self.mib),
                                                                   caller: EvidenceFixture.staff)
        #expect(tail.bulk.map { Array($0.readableBytesView) } == Array(bytes[tailStart...]))
        // Metadata needs no file bytes in memory.
        #expect(try await fixture.info(info.id).status == .ok)
        held.release()
        #expect(try await fixture.read(info.id) == Array(bytes[..<Self.mib]))
        #expect(budget.free == 4 * Self.mib)
        #expect(try await fixture.info(info.id).status == .ok)
    }

    @Test("A hostile account opening 20 uploads at once gets one, the rest refused at once; other accounts still upload, and it can read what it may")
    func oneAccountCannotTakeTheBudget() async throws {
        let (budget, fixture) = try Self.fixture(capacityMiB: 40, waitLimit: .seconds(30))
        defer { fixture.remove() }
        let stored = try await fixture.upload(EvidenceFixture.png(seed: 3), as: EvidenceFixture.otherStaff)

        let attempts = await withTaskGroup(of: RPCError?.self) { group in
            for _ in 0..<20 { group.addTask { await rpcError { _ = try await fixture.start() } } }
            return await group.reduce(into: [RPCError?]()) { $0.append($1) }
        }
        #expect(attempts.filter { $0 == nil }.count == 1)
        #expect(attempts.compactMap { $0 }.allSatisfy { $0.code == .resourceExhausted && $0.details?["reason"] == "accountShare" })
        #expect(budget.held(by: EvidenceFixture.staff.account!) == 7 * Self.mib)
        #expect(budget.waiting == 0, "refused at once, nobody queues behind it")
        // Another commune's staff uploads meanwhile; the hostile account's own read fits beside its upload.
        #expect(try await fixture.upload(EvidenceFixture.png(seed: 4), as: EvidenceFixture.otherStaff).size == 3000)
        #expect(try await fixture.read(stored.id) == EvidenceFixture.png(seed: 3))
        fixture.clock.advance(by: 16 * 60)
        fixture.authority.sweep()
        #expect(budget.held(by: EvidenceFixture.staff.account!) == 0)
        #expect(budget.free == 40 * Self.mib)
    }

    @Test("An announced size: the store is asked for that much, a file over the limit is refused at the start, and bytes beyond it are refused with the upload kept")
    func announcedSize() async throws {
        var policy = UploadPolicy()
        policy.maxBytes = 10_000
        let fixture = try EvidenceFixture(policy: policy)
        defer { fixture.remove() }

        let tooLarge = await rpcError { _ = try await fixture.start(size: 10_001) }
        #expect(tooLarge?.code == .resourceExhausted)
        // The same refusal as when the bytes pass the limit, said of the file.
        #expect(tooLarge?.details?["field"] == "file")
        #expect(tooLarge?.message.contains("anh.png") == true)
        #expect(await errorCode { _ = try await fixture.start(size: -1) } == .invalidArgument)
        #expect(fixture.authority.uploads.sessions.openCount == 0)

        let bytes = EvidenceFixture.png(size: 3000)
        let id = try await fixture.start(size: 3000)
        #expect(fixture.store.askedSizes.withLock { $0.last } == 3000)
        try await fixture.chunk(id, Array(bytes[..<2000]))
        let beyond = await rpcError { try await fixture.chunk(id, Array(bytes[2000...]) + [1], at: 2000) }
        #expect(beyond?.code == .failedPrecondition)
        #expect(beyond?.details?["reason"] == "beyondAnnouncedSize")
        #expect(beyond?.message.contains("3000 byte") == true)
        // The refused chunk took nothing: the rest, sent right, completes the file.
        try await fixture.chunk(id, Array(bytes[2000...]), at: 2000)
        let info = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(info.size == 3000)
        #expect(info.mediaType == "image/png")
        #expect(try await fixture.read(info.id) == bytes)
    }

    @Test("The S3 client keeps a connection for every call the memory budget lets run at once, so none waits out the client's 2 s connect timeout", arguments: [32, 128, 512, 4096])
    func connectionsCoverTheBudget(bufferMiB: Int) {
        let settings = NQ57Settings.ObjectStore(endpoint: "http://127.0.0.1:8333", region: "us-east-1", bucket: "b",
                                                accessKeyId: "k", secretAccessKey: "s", caFile: nil)
        let connections = EvidenceStoreChoice.configuration(settings, bufferMiB: bufferMiB).maxConnections
        let store = S3BlobStore(storage: CountingNothing())
        let budget = bufferMiB << 20
        let chunk = 4 << 20
        // Large uploads at work at once, each with its parts on the wire; reads of 8 MiB, each one ranged GET; and the ranges read ahead.
        let uploads = budget / (store.bufferBytes(forUploadOf: nil) + chunk)
        let reads = budget / (8 << 20)
        #expect(connections >= uploads * store.partsInFlight + 1 + 4)
        #expect(connections >= reads + 4)
    }
}

/// An object store nobody calls: these tests only ask the store for its sizes.
private struct CountingNothing: ObjectStorage {
    func head(_ key: String) async throws -> ObjectInfo { throw S3Error.notFound(key) }
    func get(_ key: String, range: ClosedRange<Int64>?, _ body: (ByteBuffer) async throws -> Void) async throws { throw S3Error.notFound(key) }
    func put(_ key: String, bytes: ByteBuffer, ifNoneMatch: Bool) async throws {}
    func createMultipartUpload(_ key: String) async throws -> String { "" }
    func uploadPart(_ key: String, uploadId: String, partNumber: Int, bytes: ByteBuffer) async throws -> UploadedPart { throw S3Error.notFound(key) }
    func completeMultipartUpload(_ key: String, uploadId: String, parts: [UploadedPart], ifNoneMatch: Bool) async throws {}
    func abortMultipartUpload(_ key: String, uploadId: String) async throws {}
    func list(prefix: String, continuationToken: String?) async throws -> ObjectListing { ObjectListing(objects: [], nextContinuationToken: nil) }
    func copy(from source: String, to destination: String) async throws {}
    func delete(_ key: String) async throws {}
    func openUploads(prefix: String) async throws -> [OpenUpload] { [] }
}
