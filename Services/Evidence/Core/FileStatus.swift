/// The state of a stored file's bytes, as the `files.status` column keeps it.
enum FileStatus: String, Sendable {
    /// The bytes hashed to the file's SHA-256 when last read in full (or were never found wrong).
    case ok
    /// The bytes were read to the end and hashed to something else.
    case corrupt
    /// The scrub found no object for the file's SHA-256.
    case missing
}
