import Testing
@testable import NQ57Crypto

@Suite("HMAC-SHA256")
struct HMACSHA256Tests {
    @Test("RFC 4231 test case 1: 20 bytes of 0x0b, \"Hi There\"")
    func rfc4231Case1() {
        let mac = HMACSHA256.authenticate(Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20))
        #expect(mac.hexString == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test("RFC 4231 test case 2: key \"Jefe\"")
    func rfc4231Case2() {
        let mac = HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("RFC 4231 test case 6: a 131-byte key, longer than the block, is hashed first")
    func rfc4231Case6() {
        let mac = HMACSHA256.authenticate(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                                          key: [UInt8](repeating: 0xaa, count: 131))
        #expect(mac.hexString == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
