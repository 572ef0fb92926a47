/// A signed tree head: the log's size and root at one moment, signed by the log's Ed25519 key.
///
/// Whoever keeps a tree head can later ask for a consistency proof to any newer head and so
/// detect a log whose history was rewritten. In JSON: `{"size":…,"root":"<64 hex>",
/// "timestamp":…,"signature":"<base64>"}`.
public struct TreeHead: Codable, Sendable, Equatable {
    /// The number of leaves in the tree.
    public var size: Int
    /// The Merkle Tree Hash of those leaves.
    public var root: Digest
    /// When the head was signed, in milliseconds since 1970-01-01T00:00:00Z.
    public var timestamp: Int64
    /// The Ed25519 signature of `signedMessage`, in standard base64 with `=` padding
    /// (RFC 4648 §4); 64 bytes, so 88 characters.
    public var signature: String

    /// A tree head with the given fields; nothing is checked here (see `TreeHeadVerifier`).
    public init(size: Int, root: Digest, timestamp: Int64, signature: String) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
        self.signature = signature
    }

    /// The bytes the signature covers, for a head with these fields:
    ///
    ///     "nq57-evidence-log-v1\n" + size + "\n" + root + "\n" + timestamp
    ///
    /// in UTF-8, where `size` and `timestamp` are base-10 integers as Swift prints them (no
    /// leading zeros, no `+`, a `-` only for a negative number) and `root` is the 64-character
    /// lowercase hex of the root. There is no trailing newline. The first line names the
    /// format, so a signature made for this log can never be taken for one over other data.
    public static func signedMessage(size: Int, root: Digest, timestamp: Int64) -> [UInt8] {
        Array("nq57-evidence-log-v1\n\(size)\n\(root.hex)\n\(timestamp)".utf8)
    }

    /// The bytes this head's signature must cover.
    public var signedMessage: [UInt8] {
        Self.signedMessage(size: size, root: root, timestamp: timestamp)
    }
}
