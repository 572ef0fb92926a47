/// The state of a stored evidence file's bytes: one type for the API, the evidence service's
/// rules and its `files.status` column (same raw values everywhere).
public enum FileStatus: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// The bytes hashed to the file's SHA-256 when last read in full (or were never found wrong).
    case ok
    /// The bytes were read to the end and hashed to something else.
    case corrupt
    /// The scrub found no object for the file's SHA-256.
    case missing
}
