import Foundation
import NQ57S3
import Testing

/// The CRC-32 that S3 upload bodies carry, against the check values of the CRC catalogue.
@Suite("CRC-32 checksum")
struct CRC32ChecksumTests {
    @Test("Check value of \"123456789\" is CBF43926; the header is its four big-endian bytes in base64")
    func checkValue() {
        let digits = Array("123456789".utf8)
        #expect(digits.withUnsafeBytes(CRC32Checksum.value) == 0xCBF4_3926)
        #expect(digits.withUnsafeBytes(CRC32Checksum.header) == Data([0xCB, 0xF4, 0x39, 0x26]).base64EncodedString())
        #expect(digits.withUnsafeBytes(CRC32Checksum.header) == "y/Q5Jg==")
    }

    @Test("Empty input is 0; one changed bit changes the value")
    func sensitivity() {
        #expect([UInt8]().withUnsafeBytes(CRC32Checksum.value) == 0)
        var bytes = [UInt8](repeating: 0x5A, count: 1 << 20)
        let before = bytes.withUnsafeBytes(CRC32Checksum.value)
        bytes[123_456] ^= 0x01
        #expect(bytes.withUnsafeBytes(CRC32Checksum.value) != before)
    }
}
