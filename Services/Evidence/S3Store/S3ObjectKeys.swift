import EvidenceStorage

/// Where an ``S3BlobStore`` keeps objects in its bucket: content-addressed keys
/// `sha256/ab/cd/<digest>` (the first two bytes of the hash as two levels, as on disk), and
/// `incoming/<upload id>` for a large upload whose hash is known only at its end.
enum S3ObjectKeys {
    /// The prefix of every stored object.
    static let objectPrefix = "sha256/"
    /// The prefix of uploads staged before their hash is known.
    static let stagingPrefix = "incoming/"

    /// The key of object `sha256` (already validated).
    static func object(_ sha256: String) -> String {
        objectPrefix + sha256.prefix(2) + "/" + sha256.dropFirst(2).prefix(2) + "/" + sha256
    }

    /// The staging key of upload `id`.
    static func staging(_ id: String) -> String {
        stagingPrefix + id
    }

    /// The hash a listed key names, if the key is exactly where ``object(_:)`` puts it.
    static func hash(ofKey key: String) -> String? {
        guard let name = key.split(separator: "/").last.map(String.init), BlobHash.isValid(name), key == object(name) else { return nil }
        return name
    }
}
