import EvidenceStorage
import Foundation
import GRDB
import NIOCore
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import Synchronization
@testable import EvidenceCore
#if canImport(Glibc)
import Glibc
#endif

/// A fixed tree: vn → vn-75 (Đồng Nai) → xã Bình Tân (with VP Đảng ủy and Phòng Kinh tế).
struct FixedUnits: FixedUnitTree {
    static let paths: [String: String] = [
        "vn": "/vn/", "vn-75": "/vn/vn-75/",
        "vn-75-25246": "/vn/vn-75/vn-75-25246/",
        "vn-75-25246-vpdu": "/vn/vn-75/vn-75-25246/vn-75-25246-vpdu/",
        "vn-75-25246-pkt": "/vn/vn-75/vn-75-25246/vn-75-25246-pkt/",
    ]

}

/// The local store, with faults a test switches on: reads and verifies that fail with an
/// I/O error (as when the process has no file descriptors left), and uploads that cannot
/// begin. Everything else goes to the real store.
final class FaultyBlobStore: BlobStore {
    let local: LocalBlobStore
    private let readFault = Mutex<BlobError?>(nil)
    private let uploadFault = Mutex<BlobError?>(nil)

    init(_ local: LocalBlobStore) { self.local = local }

    /// Makes every read and verify throw `error` (nil: read normally again).
    func failReads(with error: BlobError?) { readFault.withLock { $0 = error } }
    /// Makes every new upload throw `error` (nil: normally again).
    func failUploads(with error: BlobError?) { uploadFault.withLock { $0 = error } }

    func beginUpload() throws -> any BlobUpload {
        if let error = uploadFault.withLock({ $0 }) { throw error }
        return GatedUpload(try local.beginUpload(), gate: appendGate)
    }

    /// Holds marked chunks' appends while shut: see ``AppendGate``.
    let appendGate = AppendGate()

    /// The memory the store says an upload of unknown size holds (0, as the local folder, by
    /// default); an announced size claims no more than itself.
    let heldPerUpload = Mutex(0)
    /// The sizes uploads were announced with, as the store was asked.
    let askedSizes = Mutex<[Int64?]>([])

    func bufferBytes(forUploadOf size: Int64?) -> Int {
        askedSizes.withLock { $0.append(size) }
        let most = heldPerUpload.withLock { $0 }
        return size.map { min(Int($0), most) } ?? most
    }

    func contains(_ sha256: String) -> Bool { local.contains(sha256) }
    func size(of sha256: String) throws -> Int64 { try local.size(of: sha256) }
    /// How many whole-file reads were made.
    let wholeReads = Mutex(0)

    func read(_ sha256: String, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> ReadOutcome {
        if let error = readFault.withLock({ $0 }) { throw error }
        wholeReads.withLock { $0 += 1 }
        return try local.read(sha256, chunkSize: chunkSize, body)
    }
    func verify(_ sha256: String) throws -> VerifyResult {
        if let error = readFault.withLock({ $0 }) { throw error }
        return try local.verify(sha256)
    }
    func allHashes() throws -> [String] { try local.allHashes() }
    func removeLeftovers(olderThan: TimeInterval, now: Date) -> Int { local.removeLeftovers(olderThan: olderThan, now: now) }
    func readBlocks(_ sha256: String, size: Int64, blockSize: Int, blocks: ClosedRange<Int>, digests: [[UInt8]]) throws -> ByteBuffer {
        if let error = readFault.withLock({ $0 }) { throw error }
        return try local.readBlocks(sha256, size: size, blockSize: blockSize, blocks: blocks, digests: digests)
    }
}

/// An evidence authority over a fresh database and store, with a clock the test moves.
struct EvidenceFixture {
    let authority: EvidenceAuthority
    let database: ServiceDatabase
    let store: FaultyBlobStore
    let clock: ManualClock
    let folder: String

    static let pkt = "vn-75-25246-pkt"
    static let staff = caller("a-staff", .staff, at: pkt)
    static let otherStaff = caller("a-staff-2", .staff, at: pkt)
    static let head = caller("a-head", .head, at: pkt)
    static let reviewer = caller("a-rev", .reviewer, at: "vn-75-25246")
    /// Holds head and reviewer at the commune: may ask and decide, but never both on one request.
    static let headAndReviewer = Caller(account: "a-both", username: "both", session: "s-both",
                                        grants: [Grant(role: .head, unitId: "vn-75-25246", unitPath: FixedUnits.paths["vn-75-25246"]!),
                                                 Grant(role: .reviewer, unitId: "vn-75-25246", unitPath: FixedUnits.paths["vn-75-25246"]!)])

    static func caller(_ account: String, _ role: Role, at unitId: String) -> Caller {
        Caller(account: account, username: "u-\(account)", session: "s-\(account)",
               grants: [Grant(role: role, unitId: unitId, unitPath: FixedUnits.paths[unitId]!)])
    }

    static func day(_ iso: String) -> Date { NQ57Clock.parseDay(iso)!.addingTimeInterval(9 * 3600) }

    /// A PNG (as the type detection sees it) of `size` bytes whose content depends on `seed`.
    static func png(size: Int = 3000, seed: UInt8 = 1) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<(size - 8)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    init(limits: UploadLimits = UploadLimits(), policy: UploadPolicy = UploadPolicy(),
         buffers: BufferBudget = BufferBudget(capacity: 512 << 20)) throws {
        folder = "/tmp/nq57-evidence-\(UUID().uuidString.prefix(8))"
        database = try ServiceDatabase(path: "\(folder)/evidence.sqlite", migrations: EvidenceService.registerMigrations)
        store = FaultyBlobStore(try LocalBlobStore(root: "\(folder)/blobs"))
        clock = ManualClock(Self.day("2025-11-20"))
        let ledger = try EvidenceLedger(database: database, keyPath: "\(folder)/log-key.pem", clock: clock.clock)
        authority = EvidenceAuthority(database: database, store: store, units: FixedUnits(), ledger: ledger, policy: policy, limits: limits,
                                      maxChunkBytes: 1 << 20, buffers: buffers, clock: clock.clock)
    }

    /// Opens an upload as `caller`.
    func start(as caller: Caller = staff, unit: String = pkt, requestPublication: Bool? = nil, size: Int64? = nil) async throws -> String {
        try await authority.uploads.start(.init(unitId: unit, fileName: "anh.png", requestPublication: requestPublication, size: size),
                                          caller: caller).uploadId
    }

    /// Sends `bytes` at `offset` of upload `id` as `caller`.
    @discardableResult
    func chunk(_ id: String, _ bytes: [UInt8], at offset: Int64 = 0, as caller: Caller = staff, unit: String = pkt) async throws -> Int64 {
        try await authority.uploads.chunk(.init(uploadId: id, unitId: unit, offset: offset), bulk: ByteBuffer(bytes: bytes), caller: caller)
    }

    /// Uploads `bytes` whole as `caller`.
    func upload(_ bytes: [UInt8], as caller: Caller = staff, unit: String = pkt, requestPublication: Bool? = nil) async throws -> EvidenceInfo {
        let id = try await start(as: caller, unit: unit, requestPublication: requestPublication)
        try await chunk(id, bytes, as: caller, unit: unit)
        return try await authority.uploads.finish(.init(uploadId: id, unitId: unit), caller: caller)
    }

    /// The whole file as `evidence.read` gives it.
    func read(_ id: String, unit: String = pkt, as caller: Caller = staff) async throws -> [UInt8] {
        let answer = try await authority.reading.read(.init(id: id, unitId: unit, offset: 0, length: 1 << 20), caller: caller)
        return answer.bulk.map { Array($0.readableBytesView) } ?? []
    }

    /// The file's metadata as `evidence.info` gives it.
    func info(_ id: String, unit: String = pkt) async throws -> EvidenceInfo {
        try await authority.reading.info(.init(unitId: unit, ids: [id]))[0]
    }

    /// The entries the evidence log holds about file `id`, in order, as their JSON text.
    func logEntries(_ id: String) async throws -> [String] {
        try await database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT entry FROM log_entries WHERE evidence_id = ? ORDER BY idx", arguments: [id])
        }
    }

    /// Replaces the stored object's bytes on disk (as a failing disk or an intruder would).
    func overwriteObject(_ sha256: String, with bytes: [UInt8]) throws {
        let path = "\(folder)/blobs/objects/\(sha256.prefix(2))/\(sha256.dropFirst(2).prefix(2))/\(sha256)"
        chmod(path, 0o644)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o444)
    }

    /// Removes the stored object from disk.
    func removeObject(_ sha256: String) throws {
        try FileManager.default.removeItem(atPath: "\(folder)/blobs/objects/\(sha256.prefix(2))/\(sha256.dropFirst(2).prefix(2))/\(sha256)")
    }

    func moveTo(_ date: Date) { clock.advance(by: date.timeIntervalSince(clock.clock.now)) }

    /// Lets held appends go (a test that failed may have left the gate shut), then removes the files.
    func remove() {
        store.appendGate.open()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// While shut, holds the appends of chunks of exactly ``heldSize`` bytes (as a disk or an
/// object store that stalls would), and lets every other chunk through; counts those held.
final class AppendGate: Sendable {
    /// The size of a chunk the gate holds.
    static let heldSize = 4_321
    private let state = Mutex((shut: false, waiting: 0))

    func shut() { state.withLock { $0.shut = true } }
    func open() { state.withLock { $0.shut = false } }
    /// Appends held at the gate now.
    var waiting: Int { state.withLock { $0.waiting } }

    /// Waits until `count` appends are held (at most 30 s); whether they are.
    func holding(_ count: Int) async throws -> Bool {
        _ = try await eventually { waiting >= count }
        return waiting == count
    }

    /// Returns at once for a chunk of another size, else once the gate is open; gives up after
    /// `limit` so that a failing test still ends.
    func pass(_ bytes: UnsafeRawBufferPointer, limit: Duration = .seconds(60)) {
        guard bytes.count == Self.heldSize, state.withLock({ $0.shut }) else { return }
        let deadline = ContinuousClock.now + limit
        state.withLock { $0.waiting += 1 }
        defer { state.withLock { $0.waiting -= 1 } }
        while state.withLock({ $0.shut }) && ContinuousClock.now < deadline { usleep(2_000) }
    }
}

/// A local upload whose appends pass `gate` first.
final class GatedUpload: BlobUpload {
    let inner: any BlobUpload
    let gate: AppendGate
    init(_ inner: any BlobUpload, gate: AppendGate) { self.inner = inner; self.gate = gate }
    var id: String { inner.id }
    var byteCount: Int64 { inner.byteCount }
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        gate.pass(bytes)
        try inner.append(bytes)
    }
    func finish(expectedSHA256: String?) throws -> StoredBlob { try inner.finish(expectedSHA256: expectedSHA256) }
    func abandon() { inner.abandon() }
}
