import Foundation
@testable import EvidenceLog

import Testing

@Suite("Signed tree heads")
struct TreeHeadSignatureTests {
    static let root = MerkleHash.leaf(Array("root".utf8))

    @Test("The signed message is the documented byte string")
    func signedMessage() {
        let message = TreeHead.signedMessage(size: 42, root: Self.root, timestamp: 1_751_700_000_123)
        #expect(message == Array("nq57-evidence-log-v1\n42\n\(Self.root.hex)\n1751700000123".utf8))
        #expect(TreeHead.signedMessage(size: 0, root: MerkleHash.emptyRoot, timestamp: -5)
            == Array("nq57-evidence-log-v1\n0\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n-5".utf8))
    }

    @Test("A good head verifies; changing its size, root, timestamp or signature does not")
    func tampering() throws {
        let (signer, verifier) = try freshKeys()
        let head = signer.sign(size: 42, root: Self.root, timestamp: 1_751_700_000_123)
        #expect(head.size == 42 && head.root == Self.root && head.timestamp == 1_751_700_000_123)
        #expect(head.signature.count == 88)
        #expect(verifier.verify(head))

        var changed = head
        changed.size = 43
        #expect(!verifier.verify(changed))
        changed = head
        changed.size = -42
        #expect(!verifier.verify(changed))
        changed = head
        changed.root = flipped(head.root, at: 5)
        #expect(!verifier.verify(changed))
        changed = head
        changed.timestamp += 1
        #expect(!verifier.verify(changed))

        var signature = Array(Data(base64Encoded: head.signature)!)
        signature[10] ^= 0x80
        changed = head
        changed.signature = Data(signature).base64EncodedString()
        #expect(!verifier.verify(changed))
        changed.signature = String(head.signature.dropLast(4))
        #expect(!verifier.verify(changed))
        changed.signature = head.signature + "AAAA"
        #expect(!verifier.verify(changed))
        changed.signature = "not base64!"
        #expect(!verifier.verify(changed))
        changed.signature = " " + head.signature
        #expect(!verifier.verify(changed))
    }

    @Test("Another key's verifier rejects the head")
    func otherKey() throws {
        let (signer, _) = try freshKeys()
        let (_, otherVerifier) = try freshKeys()
        #expect(!otherVerifier.verify(signer.sign(size: 1, root: Self.root, timestamp: 0)))
    }

    @Test("The private key survives PEM, and its public key is stable")
    func pemRoundTrip() throws {
        let privatePEM = TreeHeadSigner.generatePrivateKeyPEM()
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let first = try TreeHeadSigner(privateKeyPEM: privatePEM)
        let second = try TreeHeadSigner(privateKeyPEM: privatePEM)
        #expect(first.publicKeyPEM == second.publicKeyPEM)
        #expect(first.publicKeyPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        let verifier = try TreeHeadVerifier(publicKeyPEM: first.publicKeyPEM)
        #expect(verifier.verify(second.sign(size: 3, root: Self.root, timestamp: 9)))
        #expect(TreeHeadSigner.generatePrivateKeyPEM() != privatePEM)
    }

    @Test("RFC 8032 test 1: the key gives the published public key and signature")
    func rfc8032() throws {
        let seed = bytes(hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let pkcs8Prefix = bytes(hex: "302e020100300506032b657004220420")
        let spkiPrefix = bytes(hex: "302a300506032b6570032100")
        let publicKey = bytes(hex: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signer = try TreeHeadSigner(privateKeyPEM: pem("PRIVATE KEY", der: pkcs8Prefix + seed))
        #expect(signer.publicKeyPEM == pem("PUBLIC KEY", der: spkiPrefix + publicKey))

        let key = try Ed25519Key.readPrivate(pem: pem("PRIVATE KEY", der: pkcs8Prefix + seed))
        let signature = key.sign([])
        #expect(signature == bytes(hex: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))
        let publicOnly = try Ed25519Key.readPublic(pem: signer.publicKeyPEM)
        #expect(publicOnly.verify(signature: signature, message: []))
        #expect(!publicOnly.verify(signature: signature, message: [0]))
    }

    @Test("Unreadable, encrypted and non-Ed25519 keys are refused")
    func badKeys() throws {
        #expect(throws: TreeHeadKeyError.unreadablePEM) { try TreeHeadSigner(privateKeyPEM: "") }
        #expect(throws: TreeHeadKeyError.unreadablePEM) { try TreeHeadSigner(privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") }
        #expect(throws: TreeHeadKeyError.unreadablePEM) { try TreeHeadSigner(privateKeyPEM: Self.encryptedEd25519) }
        #expect(throws: TreeHeadKeyError.notEd25519) { try TreeHeadSigner(privateKeyPEM: Self.p256) }
        let (signer, _) = try freshKeys()
        #expect(throws: TreeHeadKeyError.unreadablePEM) { try TreeHeadSigner(privateKeyPEM: signer.publicKeyPEM) }
        #expect(throws: TreeHeadKeyError.unreadablePEM) { try TreeHeadVerifier(publicKeyPEM: "garbage") }
        #expect(throws: TreeHeadKeyError.unreadablePEM) { try TreeHeadVerifier(publicKeyPEM: Self.p256) }
    }

    @Test("A head survives JSON and still verifies")
    func json() throws {
        let (signer, verifier) = try freshKeys()
        let head = signer.sign(size: 7, root: Self.root, timestamp: 1_751_700_000_000)
        let data = try JSONEncoder().encode(head)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["root"] as? String == Self.root.hex)
        #expect(object?["size"] as? Int == 7)
        let decoded = try JSONDecoder().decode(TreeHead.self, from: data)
        #expect(decoded == head)
        #expect(verifier.verify(decoded))
    }

    /// A P-256 key made with `openssl genpkey -algorithm EC` for this test only.
    static let p256 = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgra2Y+6dB6w2ygw7z
        x8ojDxFFqMK0/qAToLvWoLFwjlqhRANCAAQ+84Tk8eWYLl2X/EjncadKfb8COfnL
        GEA5GP6dN0O6Pqcqd2nJQhxz+r16Lerc3x13TZkBDTMSyCZx1q+gNI6P
        -----END PRIVATE KEY-----

        """

    /// An Ed25519 key encrypted with the passphrase "secret", made for this test only.
    static let encryptedEd25519 = """
        -----BEGIN ENCRYPTED PRIVATE KEY-----
        MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiIluNc0mTTzgICCAAw
        DAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEECrbyrAo5dh3xulfbxSPJyoEQAWu
        lkIQ1m0NF8Yu7BWcygknwxX8en2cjsMwiqVKPwR3fIRVhyfG27/SHmUucIZJSKDq
        lBcGAALG8GQIcCzqjnw=
        -----END ENCRYPTED PRIVATE KEY-----

        """
}
