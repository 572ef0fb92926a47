import NQ57Crypto

/// The mutable part of a ``LocalBlobUpload``, guarded by its lock.
struct UploadState: ~Copyable {
    /// The `.part` file, open for writing; `nil` once the upload is closed.
    var file: FileDescriptor?
    /// The running hash of the bytes appended; `nil` once the upload is closed.
    var hasher: SHA256Hasher?
    /// Bytes appended so far.
    var byteCount: Int64 = 0

    /// Whether bytes may still be appended.
    var isOpen: Bool { hasher != nil }

    /// The state of an upload just started on `file`.
    init(file: consuming FileDescriptor) {
        self.file = .some(file)
        self.hasher = SHA256Hasher()
    }

    /// Closes the file and drops the hash, making the upload closed.
    mutating func close() {
        file = nil
        hasher = nil
    }
}
