import Foundation
@testable import EvidenceStorage

import Testing

@Suite("Local blob store: integrity")
struct LocalBlobStoreIntegrityTests {
    @Test("A byte flipped on disk: read streams every chunk, then throws corrupt; verify says corrupt")
    func flippedByteDetected() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 100_000)
        let stored = try temporary.upload(bytes)
        let path = temporary.store.layout.objectPath(stored.sha256)
        try flipByte(at: 54_321, in: path)
        var changed = bytes
        changed[54_321] ^= 0xFF

        var received: [UInt8] = []
        #expect(throws: BlobError.corrupt(stored.sha256)) {
            try temporary.store.read(stored.sha256, chunkSize: 8192) { received.append(contentsOf: $0) }
        }
        let receivedAll = received == changed
        #expect(receivedAll, "the chunks were sent before the hash could be checked")
        #expect(try temporary.store.verify(stored.sha256) == .corrupt(actual: oneShotSHA256(changed)))
    }

    @Test("A truncated object is corrupt")
    func truncatedDetected() throws {
        let temporary = try TemporaryStore()
        let stored = try temporary.upload(pseudoRandomBytes(count: 10_000))
        let path = temporary.store.layout.objectPath(stored.sha256)
        #expect(chmod(path, 0o644) == 0)
        #expect(truncate(path, 9_999) == 0)
        #expect(throws: BlobError.corrupt(stored.sha256)) { _ = try temporary.readBack(stored.sha256) }
        guard case .corrupt = try temporary.store.verify(stored.sha256) else {
            Issue.record("a truncated object was not found corrupt")
            return
        }
    }

    @Test("Uploading the bytes again replaces a corrupt object with an intact, read-only one")
    func corruptObjectReplaced() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 20_000)
        let stored = try temporary.upload(bytes)
        let path = temporary.store.layout.objectPath(stored.sha256)
        try flipByte(at: 0, in: path)

        let again = try temporary.upload(bytes)
        #expect(again.alreadyExisted == false)
        #expect(try temporary.store.verify(stored.sha256) == .intact)
        #expect(permissions(of: path) == 0o444)
        let readBackEqual = try temporary.readBack(stored.sha256).bytes == bytes
        #expect(readBackEqual)
        #expect(temporary.files(under: "incoming").isEmpty)
    }

    @Test("A missing object: not contained, no size, read throws notFound, verify says missing")
    func missingObject() throws {
        let temporary = try TemporaryStore()
        let absent = oneShotSHA256(Array("never uploaded".utf8))
        #expect(!temporary.store.contains(absent))
        #expect(throws: BlobError.notFound(absent)) { try temporary.store.size(of: absent) }
        #expect(throws: BlobError.notFound(absent)) { _ = try temporary.readBack(absent) }
        #expect(try temporary.store.verify(absent) == .missing)
    }

    @Test("An object deleted behind the store's back is missing", arguments: [true, false])
    func deletedObject(removeFolders: Bool) throws {
        let temporary = try TemporaryStore()
        let stored = try temporary.upload(pseudoRandomBytes(count: 64))
        let folders = temporary.store.layout.objectFolders(stored.sha256)
        try FileManager.default.removeItem(atPath: removeFolders ? folders.outer : temporary.store.layout.objectPath(stored.sha256))
        #expect(try temporary.store.verify(stored.sha256) == .missing)
        #expect(!temporary.store.contains(stored.sha256))
        #expect(try temporary.store.allHashes().isEmpty)
    }

    @Test("Strings that are not lowercase hex SHA-256 never reach the disk", arguments: [
        "../../etc/passwd",
        "",
        String(repeating: "A", count: 64),
        String(repeating: "g", count: 64),
        String(repeating: "a", count: 63),
        String(repeating: "a", count: 62) + "/.",
    ])
    func invalidHashes(text: String) throws {
        let temporary = try TemporaryStore()
        #expect(!temporary.store.contains(text))
        #expect(throws: BlobError.invalidHash(text)) { try temporary.store.size(of: text) }
        #expect(throws: BlobError.invalidHash(text)) { try temporary.store.verify(text) }
        #expect(throws: BlobError.invalidHash(text)) { _ = try temporary.readBack(text) }
    }

    @Test("A read with chunks of zero bytes, or of more than 64 MiB, is refused", arguments: [0, -1, (64 << 20) + 1])
    func badChunkSize(chunkSize: Int) throws {
        let temporary = try TemporaryStore()
        let stored = try temporary.upload([1, 2, 3])
        #expect(throws: BlobError.invalidChunkSize(chunkSize)) { _ = try temporary.readBack(stored.sha256, chunkSize: chunkSize) }
        #expect(try temporary.readBack(stored.sha256, chunkSize: 64 << 20).bytes == [1, 2, 3])
    }

    @Test("An error thrown by the reader stops the read and passes through")
    func readerErrorPassesThrough() throws {
        struct ClientGone: Error, Equatable {}
        let temporary = try TemporaryStore()
        let stored = try temporary.upload(pseudoRandomBytes(count: 10_000))
        var calls = 0
        #expect(throws: ClientGone()) {
            try temporary.store.read(stored.sha256, chunkSize: 1000) { _ in
                calls += 1
                if calls == 3 { throw ClientGone() }
            }
        }
        #expect(calls == 3)
    }

    @Test("Errors have an English description for logs and a Vietnamese message without paths")
    func errorTexts() {
        let error = BlobError.io(operation: "fsync", path: "/srv/nq57/objects/ab", code: EIO)
        #expect(error.description.contains("/srv/nq57/objects/ab"))
        #expect(!error.message.contains("/srv"))
        #expect(BlobError.corrupt("ab").message == "Tệp minh chứng đã bị thay đổi trên máy chủ lưu trữ nên không được gửi; hãy báo quản trị hệ thống.")
        #expect(BlobError.invalidHash(String(repeating: "x", count: 10_000)).description.count < 200)
    }
}
