import COpenSSL

/// HMAC-SHA256 (RFC 2104) through OpenSSL's one-shot `HMAC`: the keyed hash that AWS
/// Signature Version 4 chains to derive its signing key and sign each request.
public enum HMACSHA256 {
    /// The 32-byte HMAC-SHA256 of `message` under `key`.
    public static func authenticate(_ message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        let keyBytes = Array(key)
        let messageBytes = Array(message)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = keyBytes.withUnsafeBytes { keyBuffer in
            messageBytes.withUnsafeBytes { messageBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    HMAC(EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count),
                         messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBuffer.count,
                         out.baseAddress, &length)
                }
            }
        }
        guard result != nil else { fatalError("HMAC-SHA256 failed in OpenSSL") }
        return Array(output.prefix(Int(length)))
    }
}
