import Foundation
@testable import EvidenceLog

/// Parses hex known to be a valid digest.
func digest(_ hex: String) -> Digest {
    guard let value = Digest(hex: hex) else { fatalError("bad test digest \(hex)") }
    return value
}

/// Parses any even-length lowercase hex.
func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        out.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return out
}

/// Distinct, deterministic leaf data for leaf `i`.
func sampleLeafData(_ i: Int) -> [UInt8] {
    Array("leaf \(i) of the test log".utf8) + [UInt8(truncatingIfNeeded: i), UInt8(truncatingIfNeeded: i >> 8)]
}

/// The digest with byte `position` flipped.
func flipped(_ value: Digest, at position: Int = 0) -> Digest {
    var raw = value.bytes
    raw[position] ^= 0x01
    return Digest(bytes: raw)!
}

/// A fresh signer with a newly generated key, and its verifier.
func freshKeys() throws -> (signer: TreeHeadSigner, verifier: TreeHeadVerifier) {
    let signer = try TreeHeadSigner(privateKeyPEM: TreeHeadSigner.generatePrivateKeyPEM())
    return (signer, try TreeHeadVerifier(publicKeyPEM: signer.publicKeyPEM))
}

/// A PEM block of `label` around `der`.
func pem(_ label: String, der: [UInt8]) -> String {
    let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
    return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
}
