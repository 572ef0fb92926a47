import Foundation
@testable import EvidenceLog

import Testing

@Suite("Digest")
struct DigestTests {
    static let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test("Bytes and hex round trip, in order")
    func roundTrip() throws {
        let value = try #require(Digest(hex: Self.hex))
        #expect(value.bytes == Array(0..<32))
        #expect(value.hex == Self.hex)
        #expect(Digest(bytes: Array(0..<32)) == value)
        #expect("\(value)" == Self.hex)
    }

    @Test("Only 64 lowercase hex characters, or exactly 32 bytes, are accepted", arguments: [
        "", "00", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
        String(repeating: "A", count: 64), String(repeating: "g", count: 64), " " + String(repeating: "0", count: 63),
        "0x" + String(repeating: "0", count: 62),
    ])
    func rejected(text: String) {
        #expect(Digest(hex: text) == nil)
    }

    @Test("Wrong byte counts are rejected")
    func wrongLength() {
        #expect(Digest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(Digest(bytes: [UInt8](repeating: 0, count: 33)) == nil)
    }

    @Test("JSON is the hex string; malformed hex fails to decode")
    func json() throws {
        let value = try #require(Digest(hex: Self.hex))
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(Self.hex)\"]")
        #expect(try JSONDecoder().decode([Digest].self, from: data) == [value])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Digest].self, from: Data("[\"\(Self.hex.uppercased())\"]".utf8))
        }
    }

    @Test("Equal bytes are equal digests with equal hashes; one bit apart they differ")
    func equality() throws {
        let a = try #require(Digest(hex: Self.hex))
        let b = try #require(Digest(bytes: a.bytes))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(flipped(a, at: 31) != a)
        #expect(Set([a, b, flipped(a)]).count == 2)
    }
}
