import Foundation

/// Signs tree heads with the log's Ed25519 private key (OpenSSL EVP).
///
/// The key is kept as an unencrypted PKCS #8 PEM block; protect that file like any other
/// secret (mode 0600). Publish `publicKeyPEM` to everyone who checks the log.
public struct TreeHeadSigner: Sendable {
    private let key: Ed25519Key

    /// The public key, as a `-----BEGIN PUBLIC KEY-----` PEM block, for `TreeHeadVerifier`.
    public let publicKeyPEM: String

    /// Loads a PKCS #8 `-----BEGIN PRIVATE KEY-----` block holding an Ed25519 key.
    /// Encrypted keys and keys of other kinds are refused.
    public init(privateKeyPEM: String) throws(TreeHeadKeyError) {
        key = try Ed25519Key.readPrivate(pem: privateKeyPEM)
        publicKeyPEM = key.publicKeyPEM
    }

    /// Makes a new Ed25519 private key from OpenSSL's CSPRNG and returns it as an unencrypted
    /// PKCS #8 PEM block. Stops the program if OpenSSL cannot (out of memory, no randomness).
    public static func generatePrivateKeyPEM() -> String {
        Ed25519Key.generate().privateKeyPEM
    }

    /// Signs the head (`size`, `root`, `timestamp`): see `TreeHead.signedMessage` for the
    /// exact bytes signed.
    ///
    /// Ed25519 signing with a loaded key cannot fail short of OpenSSL running out of memory;
    /// in that case this stops the program, as `SHA256Hasher` does, rather than return a head
    /// without a valid signature.
    ///
    /// - Parameter timestamp: milliseconds since 1970-01-01T00:00:00Z.
    /// - Precondition: `size` ≥ 0.
    public func sign(size: Int, root: Digest, timestamp: Int64) -> TreeHead {
        precondition(size >= 0, "a tree cannot have \(size) leaves")
        let message = TreeHead.signedMessage(size: size, root: root, timestamp: timestamp)
        let signature = Data(key.sign(message)).base64EncodedString()
        return TreeHead(size: size, root: root, timestamp: timestamp, signature: signature)
    }
}
