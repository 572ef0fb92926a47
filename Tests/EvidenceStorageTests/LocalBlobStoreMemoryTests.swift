import Foundation
import NQ57Crypto
@testable import EvidenceStorage

import Testing

/// The memory bound itself is checked on the evidence service's own process
/// (IntegrationTests/EvidenceMemoryTests): here other tests share the process and its peak.
@Suite("Local blob store: memory")
struct LocalBlobStoreMemoryTests {
    static let total = 200 << 20
    static let chunk = 1 << 20

    @Test("A 200 MiB upload in 1 MiB chunks and its read-back stream through one buffer and hash right")
    func memoryStaysFlat() throws {
        let temporary = try TemporaryStore()
        // One 1 MiB buffer, changed before every append: the 200 MiB never exist in memory.
        var buffer = pseudoRandomBytes(count: Self.chunk)
        var expected = SHA256Hasher()

        let upload = try temporary.store.beginUpload()
        for index in 0..<(Self.total / Self.chunk) {
            buffer.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(index).littleEndian, as: UInt64.self) }
            try buffer.withUnsafeBytes { chunk in
                expected.update(chunk)
                try upload.append(chunk)
            }
        }
        let stored = try upload.finish(expectedSHA256: nil)

        var readHasher = SHA256Hasher()
        let outcome = try temporary.store.read(stored.sha256, chunkSize: Self.chunk) { readHasher.update($0) }
        let expectedHash = expected.finalize().hexString
        let readHash = readHasher.finalize().hexString

        #expect(stored.size == Int64(Self.total))
        #expect(stored.sha256 == expectedHash)
        #expect(outcome.byteCount == Int64(Self.total))
        #expect(readHash == stored.sha256)
    }
}
