import Foundation
@testable import EvidenceStorage

import Testing

@Suite("Local blob store: uploads")
struct LocalBlobStoreUploadTests {
    @Test("Upload in many chunks, read back: same bytes, and the hash of a one-shot SHA-256")
    func chunkedRoundTrip() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 300_001)
        let stored = try temporary.upload(bytes, chunkSize: 4093)
        #expect(stored.sha256 == oneShotSHA256(bytes))
        #expect(stored.size == Int64(bytes.count))
        #expect(stored.alreadyExisted == false)
        #expect(temporary.store.contains(stored.sha256))
        #expect(try temporary.store.size(of: stored.sha256) == Int64(bytes.count))

        let back = try temporary.readBack(stored.sha256, chunkSize: 65_536)
        let readBackEqual = back.bytes == bytes
        #expect(readBackEqual, "read back \(back.bytes.count) bytes")
        #expect(back.outcome == ReadOutcome(sha256: stored.sha256, byteCount: Int64(bytes.count)))
        #expect(back.chunks.dropLast().allSatisfy { $0 == 65_536 })
        #expect(back.chunks.last == bytes.count % 65_536)
        #expect(try temporary.store.verify(stored.sha256) == .intact)
    }

    @Test("Object sits at objects/ab/cd/<hash>, read-only (0444); incoming is left empty")
    func layoutAndPermissions() throws {
        let temporary = try TemporaryStore()
        let stored = try temporary.upload(Array("Biên bản họp ngày 12/3".utf8))
        let sha = stored.sha256
        let relative = "objects/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha)"
        #expect(temporary.files(under: "objects") == [relative])
        #expect(permissions(of: temporary.root + "/" + relative) == 0o444)
        #expect(temporary.files(under: "incoming").isEmpty)
    }

    @Test("An empty file is stored and read back as zero bytes")
    func emptyFile() throws {
        let temporary = try TemporaryStore()
        let stored = try temporary.upload([])
        #expect(stored.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let back = try temporary.readBack(stored.sha256)
        #expect(back.bytes.isEmpty)
        #expect(back.chunks.isEmpty)
        #expect(back.outcome.byteCount == 0)
    }

    @Test("Expected hash matches: stored; the expectation may be uppercase")
    func expectedHashMatches() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 5000)
        let stored = try temporary.upload(bytes, expected: oneShotSHA256(bytes).uppercased())
        #expect(stored.sha256 == oneShotSHA256(bytes))
    }

    @Test("Expected hash differs: refused with both hashes, nothing left behind")
    func expectedHashMismatch() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 5000)
        let wrong = oneShotSHA256(Array("something else".utf8))
        #expect(throws: BlobError.hashMismatch(expected: wrong, actual: oneShotSHA256(bytes))) {
            try temporary.upload(bytes, expected: wrong)
        }
        #expect(!temporary.store.contains(oneShotSHA256(bytes)))
        #expect(temporary.files(under: "objects").isEmpty)
        #expect(temporary.files(under: "incoming").isEmpty)
        #expect(try temporary.store.allHashes().isEmpty)
    }

    @Test("The same bytes uploaded twice are stored once")
    func duplicateStoredOnce() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 10_000)
        let first = try temporary.upload(bytes, chunkSize: 100)
        let second = try temporary.upload(bytes, chunkSize: 3000)
        #expect(first.alreadyExisted == false)
        #expect(second.alreadyExisted == true)
        #expect(second.sha256 == first.sha256)
        #expect(second.size == first.size)
        #expect(temporary.files(under: "objects").count == 1)
        #expect(temporary.files(under: "incoming").isEmpty)
    }

    @Test("Eight uploads of the same bytes at once all succeed with one object")
    func concurrentDuplicates() async throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let bytes = pseudoRandomBytes(count: 200_000)
        let results = try await withThrowingTaskGroup(of: StoredBlob.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let upload = try store.beginUpload()
                    try bytes.withUnsafeBytes { try upload.append($0) }
                    return try upload.finish(expectedSHA256: nil)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(Set(results.map(\.sha256)) == [oneShotSHA256(bytes)])
        #expect(results.contains { !$0.alreadyExisted })
        #expect(temporary.files(under: "objects").count == 1)
        #expect(temporary.files(under: "incoming").isEmpty)
        #expect(try store.verify(oneShotSHA256(bytes)) == .intact)
    }

    @Test("A finished upload refuses further calls")
    func closedUpload() throws {
        let temporary = try TemporaryStore()
        let upload = try temporary.store.beginUpload()
        try [UInt8](repeating: 7, count: 10).withUnsafeBytes { try upload.append($0) }
        #expect(upload.byteCount == 10)
        _ = try upload.finish(expectedSHA256: nil)
        #expect(throws: BlobError.uploadClosed(upload.id)) {
            try [UInt8](repeating: 7, count: 10).withUnsafeBytes { try upload.append($0) }
        }
        #expect(throws: BlobError.uploadClosed(upload.id)) { try upload.finish(expectedSHA256: nil) }
        upload.abandon()
        #expect(temporary.files(under: "objects").count == 1)
    }

    @Test("allHashes lists every object, sorted, and ignores strangers")
    func listing() throws {
        let temporary = try TemporaryStore()
        var hashes: [String] = []
        for seed in 1...5 as ClosedRange<UInt64> {
            hashes.append(try temporary.upload(pseudoRandomBytes(count: 100, seed: seed)).sha256)
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: temporary.root + "/objects/README"))
        #expect(try temporary.store.allHashes() == hashes.sorted())
    }

    @Test("The store can be opened again on the same folder and finds its objects")
    func reopen() throws {
        let temporary = try TemporaryStore()
        let stored = try temporary.upload(pseudoRandomBytes(count: 1234))
        let again = try LocalBlobStore(root: temporary.root + "/")
        #expect(again.contains(stored.sha256))
        #expect(try again.verify(stored.sha256) == .intact)
    }
}
