import EvidenceStorage

/// Moves the files of a local folder into another store (the object store), one at a time:
/// each is copied under its hash, checked there by reading it back whole, and only then
/// removed from the folder. Run again after an interruption, it carries on where it stopped
/// (files already moved are no longer in the folder; a file copied but not yet removed is
/// found intact in the destination and just removed).
public struct BlobMigration: Sendable {
    /// The folder files move out of.
    public let source: LocalBlobStore
    /// Where they move to.
    public let destination: any BlobStore
    /// Bytes per read from the folder.
    public let chunkSize: Int

    /// A migration from `source` to `destination`.
    public init(source: LocalBlobStore, destination: any BlobStore, chunkSize: Int = 4 << 20) {
        self.source = source
        self.destination = destination
        self.chunkSize = chunkSize
    }

    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        /// Copied, found intact in the destination, removed from the folder.
        case moved(bytes: Int64)
        /// Already intact in the destination: only removed from the folder.
        case alreadyThere
        /// The folder's copy no longer matches its hash: left in place for the scrub and an
        /// administrator; nothing was copied.
        case damaged
        /// The copy read back from the destination did not match: the folder's copy stays.
        case notConfirmed(VerifyResult)
    }

    /// The hashes still in the folder.
    public func remaining() throws -> [String] {
        try source.allHashes()
    }

    /// Moves file `sha256`. Throws when either store fails (``BlobError/unavailable(_:)``
    /// for the object store); the folder's copy then stays.
    public func move(_ sha256: String) throws -> Outcome {
        if try destination.verify(sha256) == .intact {
            try source.remove(sha256)
            return .alreadyThere
        }
        let upload = try destination.beginUpload(expectedSHA256: sha256)
        let size: Int64
        do {
            size = try source.read(sha256, chunkSize: chunkSize) { try upload.append($0) }.byteCount
        } catch BlobError.corrupt {
            upload.abandon()
            return .damaged
        } catch {
            upload.abandon()
            throw error
        }
        _ = try upload.finish(expectedSHA256: sha256)
        let check = try destination.verify(sha256)
        guard check == .intact else { return .notConfirmed(check) }
        try source.remove(sha256)
        return .moved(bytes: size)
    }
}
