#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``BlobStore`` in a folder on a local disk.
///
/// Objects live at `root/objects/ab/cd/abcd…` (the first two bytes of the hash as two folder
/// levels) and are read-only (mode 0444); uploads in progress live at
/// `root/incoming/<id>.part`. A finished upload is synced to disk, then renamed into place,
/// then its folder is synced, so a crash at any moment leaves either the whole file or
/// nothing under `objects`. Leftover `.part` files of uploads a crash interrupted are removed
/// by ``removeLeftovers(olderThan:now:)``.
///
/// Several instances, threads and processes may use the same root at once: objects are only
/// ever created by rename, and two uploads of the same bytes racing each other both succeed
/// with the same object.
public final class LocalBlobStore: BlobStore {
    /// The store's folders.
    let layout: BlobLayout
    /// Uploads open in this instance.
    let activeUploads = ActiveUploads()
    /// Since when each leftover `.part` file has been seen unchanged, by the sweeps' clock.
    let leftovers = LeftoverWatch()

    /// The root folder, without a trailing slash.
    public var root: String { layout.root }

    /// Opens the store at `root`, creating `root`, `root/objects` and `root/incoming` if
    /// they are missing.
    ///
    /// It does not remove leftovers; call ``removeLeftovers(olderThan:now:)`` with `0` at start.
    ///
    /// - Throws: ``BlobError/io(operation:path:code:)`` when a folder cannot be created
    ///   (`EINVAL` for an empty `root`).
    public init(root: String) throws {
        guard !root.isEmpty else { throw BlobError.io(operation: "open store", path: root, code: EINVAL) }
        layout = BlobLayout(root: root)
        try FileSystem.ensureFolderTree(layout.root)
        try FileSystem.ensureFolder(layout.objects, parent: layout.root)
        try FileSystem.ensureFolder(layout.incoming, parent: layout.root)
    }

    /// Starts an upload in `root/incoming`.
    ///
    /// - Throws: ``BlobError/io(operation:path:code:)`` when the file cannot be created.
    public func beginUpload() throws -> any BlobUpload {
        try LocalBlobUpload(store: self)
    }

    /// Whether a regular file is stored under `sha256` (without checking its bytes).
    public func contains(_ sha256: String) -> Bool {
        guard BlobHash.isValid(sha256) else { return false }
        return (try? FileSystem.regularFileSize(layout.objectPath(sha256))) != nil
    }

    /// The stored object's size in bytes.
    ///
    /// - Throws: ``BlobError/notFound(_:)``, ``BlobError/invalidHash(_:)`` or
    ///   ``BlobError/io(operation:path:code:)``.
    public func size(of sha256: String) throws -> Int64 {
        let sha256 = try BlobHash.validated(sha256)
        guard let size = try FileSystem.regularFileSize(layout.objectPath(sha256)) else {
            throw BlobError.notFound(sha256)
        }
        return size
    }
}
