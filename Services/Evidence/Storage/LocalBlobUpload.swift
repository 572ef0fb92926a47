#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NQ57Crypto
import Synchronization

/// An upload into a ``LocalBlobStore``: a `.part` file in `incoming`, hashed as it is
/// written, moved into `objects` by ``finish(expectedSHA256:)``.
///
/// Safe to use from several threads, though the bytes of one upload must of course arrive
/// in order: calls are serialised by a lock.
final class LocalBlobUpload: BlobUpload {
    /// Random 128-bit identifier in hexadecimal; also the `.part` file's name.
    let id: String
    /// The store the upload ends in.
    private let store: LocalBlobStore
    /// The upload's file.
    private let partPath: String
    /// The open file and running hash.
    private let state: Mutex<UploadState>

    /// Creates the upload's file in `store`'s `incoming` folder.
    init(store: LocalBlobStore) throws(BlobError) {
        let id = SecureRandom.bytes(16).hexString
        let partPath = store.layout.incomingPath(uploadID: id)
        // Registered before the file exists, so a concurrent cleanup never takes it.
        store.activeUploads.insert(id)
        let file: FileDescriptor
        do {
            file = try FileDescriptor(
                opening: partPath,
                flags: O_WRONLY | O_CREAT | O_EXCL,
                mode: FileSystem.partPermissions
            )
        } catch {
            store.activeUploads.remove(id)
            throw error
        }
        self.id = id
        self.store = store
        self.partPath = partPath
        self.state = Mutex(UploadState(file: file))
    }

    /// An upload released without ``finish(expectedSHA256:)`` or ``abandon()`` (a dropped
    /// connection) is abandoned.
    deinit { abandon() }

    /// Bytes appended so far.
    var byteCount: Int64 {
        state.withLock { $0.byteCount }
    }

    /// Writes `bytes` to the `.part` file and the running hash; on a write error, abandons.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        try state.withLock { (state: inout UploadState) throws(BlobError) in
            guard state.isOpen else { throw .uploadClosed(id) }
            do throws(BlobError) {
                try state.file?.writeAll(bytes)
            } catch {
                closeAndRemove(&state)
                throw error
            }
            state.hasher?.update(bytes)
            state.byteCount += Int64(bytes.count)
        }
    }

    /// Checks the hash, makes the file durable and read-only, and commits it as an object;
    /// on any error, removes the file.
    func finish(expectedSHA256: String?) throws -> StoredBlob {
        try state.withLock { (state: inout UploadState) throws -> StoredBlob in
            guard state.isOpen, let hasher = state.hasher.take() else { throw BlobError.uploadClosed(id) }
            defer { store.activeUploads.remove(id) }
            do {
                let sha256 = hasher.finalize().hexString
                if let expectedSHA256, BlobHash.normalizedExpectation(expectedSHA256) != sha256 {
                    throw BlobError.hashMismatch(expected: expectedSHA256, actual: sha256)
                }
                try makeDurable(&state)
                return try store.commit(partPath: partPath, sha256: sha256, size: state.byteCount)
            } catch {
                state.close()
                try? FileSystem.removeFile(partPath)
                throw error
            }
        }
    }

    /// Closes and removes the `.part` file, once.
    func abandon() {
        state.withLock { state in
            guard state.isOpen else { return }
            closeAndRemove(&state)
        }
    }

    /// Makes the file read-only, syncs its bytes and mode to disk, and closes it.
    private func makeDurable(_ state: inout UploadState) throws(BlobError) {
        defer { state.close() }
        try state.file?.setPermissions(FileSystem.objectPermissions)
        try state.file?.synchronize()
    }

    /// Closes the upload and removes its file. The lock must be held.
    private func closeAndRemove(_ state: inout UploadState) {
        state.close()
        try? FileSystem.removeFile(partPath)
        store.activeUploads.remove(id)
    }
}
