import Foundation

/// Checks tree-head signatures against the log's published Ed25519 public key.
public struct TreeHeadVerifier: Sendable {
    private let key: Ed25519Key

    /// Loads a `-----BEGIN PUBLIC KEY-----` PEM block holding an Ed25519 key.
    public init(publicKeyPEM: String) throws(TreeHeadKeyError) {
        key = try Ed25519Key.readPublic(pem: publicKeyPEM)
    }

    /// Whether `head.signature` is this key's signature over `head.signedMessage`.
    ///
    /// The signature must be exactly the canonical padded base64 of 64 bytes; a negative size
    /// is never valid.
    public func verify(_ head: TreeHead) -> Bool {
        guard head.size >= 0,
              let decoded = Data(base64Encoded: head.signature),
              decoded.count == Ed25519Key.signatureLength,
              decoded.base64EncodedString() == head.signature
        else { return false }
        return key.verify(signature: Array(decoded), message: head.signedMessage)
    }
}
