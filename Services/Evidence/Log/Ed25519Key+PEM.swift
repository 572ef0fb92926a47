import COpenSSL

extension Ed25519Key {
    /// Reads a PKCS #8 `-----BEGIN PRIVATE KEY-----` block (`PEM_read_bio_PrivateKey`).
    /// Encrypted keys are refused rather than prompting for a passphrase.
    static func readPrivate(pem: String) throws(TreeHeadKeyError) -> Ed25519Key {
        let key = withMemoryBIO(reading: pem) { bio in
            PEM_read_bio_PrivateKey(bio, nil, refusePassphrase, nil)
        }
        return try checked(key)
    }

    /// Reads a `-----BEGIN PUBLIC KEY-----` block (SubjectPublicKeyInfo, `PEM_read_bio_PUBKEY`).
    static func readPublic(pem: String) throws(TreeHeadKeyError) -> Ed25519Key {
        let key = withMemoryBIO(reading: pem) { bio in
            PEM_read_bio_PUBKEY(bio, nil, refusePassphrase, nil)
        }
        return try checked(key)
    }

    /// This key's private half as an unencrypted PKCS #8 PEM block (`PEM_write_bio_PrivateKey`).
    var privateKeyPEM: String {
        writtenPEM { bio in PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil) }
    }

    /// This key's public half as a SubjectPublicKeyInfo PEM block (`PEM_write_bio_PUBKEY`).
    var publicKeyPEM: String {
        writtenPEM { bio in PEM_write_bio_PUBKEY(bio, pointer) }
    }

    /// Wraps what OpenSSL read, if it is an Ed25519 key.
    private static func checked(_ key: OpaquePointer?) throws(TreeHeadKeyError) -> Ed25519Key {
        guard let key else {
            ERR_clear_error()
            throw .unreadablePEM
        }
        let wrapped = Ed25519Key(taking: key)
        guard wrapped.isEd25519 else { throw .notEd25519 }
        return wrapped
    }

    /// Runs `body` with a read-only memory BIO over the UTF-8 of `text`.
    private static func withMemoryBIO(reading text: String, _ body: (OpaquePointer) -> OpaquePointer?) -> OpaquePointer? {
        let bytes = Array(text.utf8)
        guard bytes.count <= Int(Int32.max) else { return nil }
        return bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    /// Runs `write` against a fresh memory BIO and returns what it wrote, as text.
    private func writtenPEM(_ write: (OpaquePointer) -> Int32) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { fatalError("BIO_new failed: out of memory") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { fatalError("writing a PEM key failed: \(ERR_get_error())") }
        let length = Int(BIO_ctrl_pending(bio))
        var text = [UInt8](repeating: 0, count: length)
        let read = text.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(length)) }
        guard Int(read) == length else { fatalError("reading a memory BIO failed") }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A PEM passphrase callback that supplies none, so an encrypted key fails to load instead
/// of OpenSSL asking on the terminal.
private func refusePassphrase(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32, _ writing: Int32, _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    -1
}
