/// An upload in progress: bytes are appended as they arrive and hashed on the way, so the
/// file is never read back to learn its hash.
///
/// Call exactly one of ``finish(expectedSHA256:)`` or ``abandon()``; after either, the upload
/// is closed and every further call throws ``BlobError/uploadClosed(_:)``. An upload that is
/// released without either is abandoned.
public protocol BlobUpload: AnyObject, Sendable {
    /// The upload's random identifier, for logs.
    var id: String { get }

    /// How many bytes were appended so far. Check it against ``UploadPolicy/check(size:)``
    /// before each append.
    var byteCount: Int64 { get }

    /// Appends `bytes` to the file and to the running hash.
    ///
    /// If writing fails (for example, the disk is full), the upload is abandoned and its
    /// bytes removed before the error is thrown.
    ///
    /// - Throws: ``BlobError/io(operation:path:code:)`` or ``BlobError/uploadClosed(_:)``.
    func append(_ bytes: UnsafeRawBufferPointer) throws

    /// Stores the file durably under its SHA-256 and closes the upload.
    ///
    /// When `expectedSHA256` is given (hexadecimal, either case) and differs from the hash of
    /// the bytes received, nothing is stored and ``BlobError/hashMismatch(expected:actual:)``
    /// is thrown. The same bytes uploaded twice are stored once
    /// (``StoredBlob/alreadyExisted`` is then `true`).
    ///
    /// On return, the file survives a crash or power loss; whatever happens before, the store
    /// holds the whole file or nothing.
    func finish(expectedSHA256: String?) throws -> StoredBlob

    /// Stops the upload and removes its bytes. Calling it again does nothing.
    func abandon()
}
