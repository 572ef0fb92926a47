import EvidenceStorage
import Foundation
import NIOCore
import NQ57Crypto
import NQ57S3
import Synchronization

/// An upload into an ``S3BlobStore``: hashed as it arrives, held in memory up to one part,
/// then streamed as a multipart upload (to the object's own key when the client announced the
/// hash, to `incoming/<id>` otherwise, copied into place at the end).
///
/// Any failure closes the upload and aborts its multipart upload, so no parts are left behind.
final class S3BlobUpload: BlobUpload {
    /// Random 128-bit identifier in hexadecimal.
    let id: String
    private let store: S3BlobStore
    /// The hash the client announced, validated; the multipart upload then goes to its key.
    private let expectedSHA256: String?
    private let state = Mutex(S3UploadState())

    init(store: S3BlobStore, expectedSHA256: String?) {
        self.id = SecureRandom.bytes(16).hexString
        self.store = store
        self.expectedSHA256 = expectedSHA256
    }

    /// An upload released without finishing (a dropped connection) is abandoned.
    deinit { abandon() }

    var byteCount: Int64 { state.withLock { $0.byteCount } }

    /// Hashes and buffers `bytes`; each full part is sent, waiting for the oldest part on the
    /// wire when ``S3BlobStore/partsInFlight`` are already.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        try state.withLock { (state: inout S3UploadState) throws in
            guard state.isOpen else { throw BlobError.uploadClosed(id) }
            state.hasher?.update(bytes)
            state.blocks.update(bytes)
            state.byteCount += Int64(bytes.count)
            var offset = 0
            while offset < bytes.count {
                let room = store.partSize - state.pending.readableBytes
                let take = min(room, bytes.count - offset)
                state.pending.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                offset += take
                if state.pending.readableBytes == store.partSize {
                    do {
                        try sendPending(&state)
                    } catch {
                        fail(&state)
                        throw error
                    }
                }
            }
        }
    }

    func finish(expectedSHA256 announced: String?) throws -> StoredBlob {
        try state.withLock { (state: inout S3UploadState) throws -> StoredBlob in
            guard state.isOpen, let hasher = state.hasher.take() else { throw BlobError.uploadClosed(id) }
            let sha256 = hasher.finalize().hexString
            let size = state.byteCount
            do {
                if let announced, BlobHash.normalizedExpectation(announced) != sha256 {
                    throw BlobError.hashMismatch(expected: announced, actual: sha256)
                }
                let alreadyExisted: Bool
                if state.multipart == nil {
                    alreadyExisted = try store.storeWhole(state.pending, sha256: sha256)
                    state.pending = ByteBuffer()
                } else {
                    if state.pending.readableBytes > 0 { try sendPending(&state) }
                    try drain(&state)
                    let multipart = state.multipart!
                    alreadyExisted = try store.commitMultipart(multipart, parts: state.sent, sha256: sha256)
                    store.closed(multipart.uploadId)
                    state.multipart = nil
                }
                return StoredBlob(sha256: sha256, size: size, alreadyExisted: alreadyExisted, blockDigests: state.blocks.finish())
            } catch {
                fail(&state)
                throw error
            }
        }
    }

    func abandon() {
        state.withLock { state in
            guard state.isOpen || state.multipart != nil else { return }
            fail(&state)
        }
    }

    /// Sends the pending part, starting the multipart upload first if needed, once fewer than
    /// ``S3BlobStore/partsInFlight`` parts are on the wire (waiting for the oldest until then).
    private func sendPending(_ state: inout S3UploadState) throws {
        let storage = store.storage
        if state.multipart == nil {
            let key = expectedSHA256.map(S3ObjectKeys.object) ?? S3ObjectKeys.staging(id)
            let uploadId = try S3BlobStore.mapping(key) { try BlockingBridge.wait { try await storage.createMultipartUpload(key) } }
            store.opened(uploadId)
            state.multipart = (key, uploadId)
        }
        let (key, uploadId) = state.multipart!
        // Room on the wire first, so the next part fills while that many parts travel (waiting
        // after starting this one left one fewer on the wire, and the engine idle part of the time).
        while state.inFlight.count >= store.partsInFlight {
            let oldest = state.inFlight.removeFirst()
            state.sent.append(try S3BlobStore.mapping(key) { try oldest.wait() })
        }
        let part = state.pending
        let number = state.nextPartNumber
        state.pending = ByteBuffer()
        state.pending.reserveCapacity(store.partSize)
        state.inFlight.append(BlockingBridge.start {
            try await storage.uploadPart(key, uploadId: uploadId, partNumber: number, bytes: part)
        })
    }

    /// Waits for every part on the wire.
    private func drain(_ state: inout S3UploadState) throws {
        while !state.inFlight.isEmpty {
            let oldest = state.inFlight.removeFirst()
            state.sent.append(try S3BlobStore.mapping("part") { try oldest.wait() })
        }
    }

    /// Closes the upload: stops the parts on the wire and aborts the multipart upload, in the background.
    private func fail(_ state: inout S3UploadState) {
        state.hasher = nil
        state.pending = ByteBuffer()
        let inFlight = state.inFlight
        state.inFlight = []
        inFlight.forEach { $0.cancel() }
        if case let (key, uploadId)? = state.multipart {
            state.multipart = nil
            let (storage, store) = (store.storage, store)
            Task {
                // Parts still arriving would outlive an abort sent before they end.
                for part in inFlight { _ = try? await part.value() }
                try? await storage.abortMultipartUpload(key, uploadId: uploadId)
                store.closed(uploadId)
            }
        }
    }
}
