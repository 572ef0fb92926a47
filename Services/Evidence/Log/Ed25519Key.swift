import COpenSSL

/// An OpenSSL `EVP_PKEY` holding an Ed25519 key (private, or public only), freed with its
/// owner.
///
/// `@unchecked Sendable`: the key is never changed after it is made, and OpenSSL 3 allows
/// one `EVP_PKEY` to be used for signing and verifying from several threads at once, each
/// call with its own `EVP_MD_CTX` (as `sign` and `verify` do).
final class Ed25519Key: @unchecked Sendable {
    /// The `EVP_PKEY *`, owned by this object.
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// The length of an Ed25519 signature in bytes.
    static let signatureLength = 64

    /// Makes a fresh key from OpenSSL's CSPRNG (`EVP_PKEY_keygen`).
    ///
    /// Stops the program if OpenSSL cannot make one: that only happens when it is out of
    /// memory or has no randomness, and no signing key can be trusted then.
    static func generate() -> Ed25519Key {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else {
            fatalError("EVP_PKEY_CTX_new_id(Ed25519) failed: \(ERR_get_error())")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &key) == 1, let key else {
            fatalError("Ed25519 key generation failed: \(ERR_get_error())")
        }
        return Ed25519Key(taking: key)
    }

    /// Whether this is an Ed25519 key.
    var isEd25519: Bool {
        EVP_PKEY_get_id(pointer) == EVP_PKEY_ED25519
    }

    /// The Ed25519 signature of `message` (`EVP_DigestSign` with no digest: Ed25519 hashes
    /// the message itself). Stops the program if OpenSSL fails, which for a loaded private
    /// key only happens when it is out of memory.
    ///
    /// - Precondition: this key holds a private key.
    func sign(_ message: [UInt8]) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed: out of memory") }
        defer { EVP_MD_CTX_free(context) }
        var signature = [UInt8](repeating: 0, count: Self.signatureLength)
        var length = signature.count
        let status = message.withUnsafeBufferPointer { text in
            guard EVP_DigestSignInit(context, nil, nil, nil, pointer) == 1 else { return Int32(0) }
            return EVP_DigestSign(context, &signature, &length, text.baseAddress, text.count)
        }
        guard status == 1, length == Self.signatureLength else {
            fatalError("Ed25519 signing failed: \(ERR_get_error())")
        }
        return signature
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` under this key.
    func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        guard signature.count == Self.signatureLength else { return false }
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed: out of memory") }
        defer { EVP_MD_CTX_free(context) }
        let status = message.withUnsafeBufferPointer { text in
            signature.withUnsafeBufferPointer { signatureBytes in
                guard EVP_DigestVerifyInit(context, nil, nil, nil, pointer) == 1 else { return Int32(0) }
                return EVP_DigestVerify(context, signatureBytes.baseAddress, signatureBytes.count,
                                        text.baseAddress, text.count)
            }
        }
        // A bad signature leaves an entry on this thread's OpenSSL error queue; drop it.
        if status != 1 { ERR_clear_error() }
        return status == 1
    }
}
