import Foundation
@testable import EvidenceLog

import Testing

@Suite("Log entries: canonical leaf bytes")
struct LogEntryTests {
    static let stored = LogEntry.stored(
        evidenceId: "ev-1", sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        size: 1024, unitId: "xa-binh-an", at: 1_751_700_000_000)
    static let review = LogEntry.review(evidenceId: "ev-1", decision: "approved", reviewer: "cv.binhtan",
                                        at: 1_751_700_000_001)

    @Test("A stored entry: sorted keys, no whitespace")
    func storedBytes() {
        let text = #"{"at":1751700000000,"evidenceId":"ev-1","kind":"stored","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","size":1024,"unitId":"xa-binh-an"}"#
        #expect(Self.stored.leafBytes == Array(text.utf8))
    }

    @Test("A review entry: sorted keys, no whitespace")
    func reviewBytes() {
        let text = #"{"at":1751700000001,"decision":"approved","evidenceId":"ev-1","kind":"review","reviewer":"cv.binhtan"}"#
        #expect(Self.review.leafBytes == Array(text.utf8))
    }

    @Test("Integrity and publication entries: sorted keys, no whitespace, and they decode back")
    func integrityAndPublicationBytes() throws {
        let integrity = LogEntry.integrity(evidenceId: "ev-1", sha256: "ab", status: "corrupt", foundBy: "read", at: 5)
        #expect(integrity.leafBytes == Array(#"{"at":5,"evidenceId":"ev-1","foundBy":"read","kind":"integrity","sha256":"ab","status":"corrupt"}"#.utf8))
        let publication = LogEntry.publication(evidenceId: "ev-1", move: "withdraw", state: "withdrawn", by: "a-rev", reason: "Hết hạn", at: 6)
        #expect(publication.leafBytes
                == Array(#"{"at":6,"by":"a-rev","evidenceId":"ev-1","kind":"publication","move":"withdraw","reason":"Hết hạn","state":"withdrawn"}"#.utf8))
        for entry in [integrity, publication] {
            #expect(try JSONDecoder().decode(LogEntry.self, from: Data(entry.leafBytes)) == entry)
            #expect(try JSONDecoder().decode(LogEntry.self, from: JSONEncoder().encode(entry)) == entry)
        }
    }

    @Test("Strings: quotes, backslashes and control characters escaped; slashes and Vietnamese as they are")
    func escaping() {
        let entry = LogEntry.review(evidenceId: "a\"b\\c/d", decision: "Đạt yêu cầu\n\t\u{1}\u{8}\u{C}\r\u{1F}\u{7F}",
                                    reviewer: "thẩm.định", at: -1)
        let text = #"{"at":-1,"decision":"Đạt yêu cầu\n\t\u0001\b\f\r\u001f"# + "\u{7F}" +
            #"","evidenceId":"a\"b\\c/d","kind":"review","reviewer":"thẩm.định"}"#
        #expect(entry.leafBytes == Array(text.utf8))
    }

    @Test("Strings are not normalised: composed and decomposed spellings are different leaves")
    func noNormalisation() {
        let composed = LogEntry.review(evidenceId: "e", decision: "\u{1EA1}", reviewer: "r", at: 0)
        let decomposed = LogEntry.review(evidenceId: "e", decision: "a\u{0323}", reviewer: "r", at: 0)
        #expect(composed.leafBytes != decomposed.leafBytes)
        #expect(composed.leafHash != decomposed.leafHash)
    }

    @Test("The canonical bytes are valid JSON that decodes back to the entry")
    func canonicalIsJSON() throws {
        for entry in [Self.stored, Self.review,
                      LogEntry.review(evidenceId: "x\u{0}y", decision: "\"\\", reviewer: "Nguyễn", at: Int64.min)] {
            let decoded = try JSONDecoder().decode(LogEntry.self, from: Data(entry.leafBytes))
            #expect(decoded == entry)
        }
    }

    @Test("Codable round trip, and any member order decodes to the same leaf")
    func codable() throws {
        let data = try JSONEncoder().encode(Self.stored)
        #expect(try JSONDecoder().decode(LogEntry.self, from: data) == Self.stored)
        let shuffled = #"{"unitId":"xa-binh-an","size":1024,"kind":"stored","at":1751700000000,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","evidenceId":"ev-1"}"#
        let decoded = try JSONDecoder().decode(LogEntry.self, from: Data(shuffled.utf8))
        #expect(decoded.leafBytes == Self.stored.leafBytes)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LogEntry.self, from: Data(#"{"kind":"deleted","evidenceId":"e","at":1}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LogEntry.self, from: Data(#"{"kind":"review","evidenceId":"e","at":1}"#.utf8))
        }
    }

    @Test("The leaf hash is SHA-256(0x00 || leaf bytes), and each field changes it")
    func leafHash() {
        #expect(Self.stored.leafHash.bytes == ReferenceMerkle.leafHash(Self.stored.leafBytes))
        let variants: [LogEntry] = [
            .stored(evidenceId: "ev-2", sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", size: 1024, unitId: "xa-binh-an", at: 1_751_700_000_000),
            .stored(evidenceId: "ev-1", sha256: "0f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", size: 1024, unitId: "xa-binh-an", at: 1_751_700_000_000),
            .stored(evidenceId: "ev-1", sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", size: 1025, unitId: "xa-binh-an", at: 1_751_700_000_000),
            .stored(evidenceId: "ev-1", sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", size: 1024, unitId: "xa-binh-ao", at: 1_751_700_000_000),
            .stored(evidenceId: "ev-1", sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", size: 1024, unitId: "xa-binh-an", at: 1_751_700_000_001),
        ]
        let hashes = Set([Self.stored.leafHash, Self.review.leafHash] + variants.map(\.leafHash))
        #expect(hashes.count == variants.count + 2)
    }

    @Test("LogAudit: an entry proves into a signed head; a changed entry, index or head does not")
    func audit() throws {
        let (signer, verifier) = try freshKeys()
        let entries = (0..<9).map { i in
            LogEntry.stored(evidenceId: "ev-\(i)", sha256: String(repeating: "0", count: 64), size: Int64(i),
                            unitId: "u", at: Int64(i))
        }
        let log = MerkleLog()
        for entry in entries { log.append(leafData: entry.leafBytes) }
        let head = signer.sign(size: 9, root: try log.root(at: 9), timestamp: 100)
        let proof = try log.inclusionProof(index: 4, treeSize: 9)
        #expect(LogAudit.checkInclusion(entry: entries[4], index: 4, proof: proof, head: head, verifier: verifier))
        #expect(!LogAudit.checkInclusion(entry: entries[5], index: 4, proof: proof, head: head, verifier: verifier))
        #expect(!LogAudit.checkInclusion(entry: entries[4], index: 5, proof: proof, head: head, verifier: verifier))
        var unsigned = head
        unsigned.timestamp = 101
        #expect(!LogAudit.checkInclusion(entry: entries[4], index: 4, proof: proof, head: unsigned, verifier: verifier))
        let (_, otherVerifier) = try freshKeys()
        #expect(!LogAudit.checkInclusion(entry: entries[4], index: 4, proof: proof, head: head, verifier: otherVerifier))

        let old = signer.sign(size: 4, root: try log.root(at: 4), timestamp: 50)
        let consistency = try log.consistencyProof(from: 4, to: 9)
        #expect(LogAudit.checkConsistency(old: old, new: head, proof: consistency, verifier: verifier))
        #expect(!LogAudit.checkConsistency(old: old, new: unsigned, proof: consistency, verifier: verifier))
        var unsignedOld = old
        unsignedOld.timestamp = 51
        #expect(!LogAudit.checkConsistency(old: unsignedOld, new: head, proof: consistency, verifier: verifier))
        #expect(!LogAudit.checkConsistency(old: head, new: old, proof: consistency, verifier: verifier))
    }
}
