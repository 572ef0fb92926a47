/// Why a tree-head key could not be loaded.
public enum TreeHeadKeyError: Error, Equatable, Sendable {
    /// The text is not a PEM block OpenSSL can read as a key of the expected kind
    /// (a PKCS #8 `PRIVATE KEY` for a signer, a `PUBLIC KEY` for a verifier).
    case unreadablePEM
    /// The key was read but is not an Ed25519 key.
    case notEd25519
}
