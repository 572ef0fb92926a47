import EvidenceStorage
import NIOCore
import NQ57S3

extension S3BlobStore {
    /// Stores an upload that fits in one part under its hash with one conditional PUT.
    /// Returns whether an intact object with these bytes was already there; a damaged one is replaced.
    func storeWhole(_ bytes: ByteBuffer, sha256: String) throws -> Bool {
        let storage = self.storage
        let key = S3ObjectKeys.object(sha256)
        return try Self.mapping(sha256) {
            do {
                try BlockingBridge.wait { try await storage.put(key, bytes: bytes, ifNoneMatch: true) }
                return false
            } catch S3Error.alreadyExists {
                if try verify(sha256) == .intact { return true }
                try BlockingBridge.wait { try await storage.put(key, bytes: bytes, ifNoneMatch: false) }
                return false
            }
        }
    }

    /// Completes a multipart upload whose parts are all sent, as object `sha256`: directly when
    /// it was made under the object's key (conditionally, so that a racing upload of the same
    /// bytes keeps its object), by a copy from its staging key otherwise. Returns whether an
    /// intact object with these bytes was already there.
    func commitMultipart(_ multipart: (key: String, uploadId: String), parts: [UploadedPart], sha256: String) throws -> Bool {
        let storage = self.storage
        let key = S3ObjectKeys.object(sha256)
        let (uploadKey, uploadId) = multipart
        return try Self.mapping(sha256) {
            if uploadKey == key {
                do {
                    try BlockingBridge.wait { try await storage.completeMultipartUpload(key, uploadId: uploadId, parts: parts, ifNoneMatch: true) }
                    return false
                } catch S3Error.alreadyExists {
                    if try verify(sha256) == .intact {
                        try? BlockingBridge.wait { try await storage.abortMultipartUpload(key, uploadId: uploadId) }
                        return true
                    }
                    try BlockingBridge.wait { try await storage.completeMultipartUpload(key, uploadId: uploadId, parts: parts, ifNoneMatch: false) }
                    return false
                }
            }
            try BlockingBridge.wait { try await storage.completeMultipartUpload(uploadKey, uploadId: uploadId, parts: parts, ifNoneMatch: false) }
            defer { try? BlockingBridge.wait { try await storage.delete(uploadKey) } }
            if try verify(sha256) == .intact { return true }
            try BlockingBridge.wait { try await storage.copy(from: uploadKey, to: key) }
            return false
        }
    }
}
