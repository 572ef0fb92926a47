@testable import EvidenceLog

import Testing

/// A log that changes one leaf it had already signed over, then recomputes everything and
/// signs again with the same key, cannot prove its new head extends the old one.
@Suite("A rewritten history is detected")
struct RewrittenHistoryTests {
    static func entry(_ i: Int) -> LogEntry {
        i % 3 == 2
            ? .review(evidenceId: "ev-\(i / 3)", decision: "approved", reviewer: "tham.dinh", at: 1_751_700_000_000 + Int64(i))
            : .stored(evidenceId: "ev-\(i)", sha256: String(repeating: "ab", count: 32), size: 1000 + Int64(i),
                      unitId: "xa-\(i % 5)", at: 1_751_700_000_000 + Int64(i))
    }

    @Test("Changing any one leaf under an old signed head breaks consistency with it",
          arguments: [1, 2, 5, 8, 13])
    func rewrittenLeaf(oldSize: Int) throws {
        let (signer, verifier) = try freshKeys()
        let newSize = 21
        let entries = (0..<newSize).map(Self.entry)

        let honest = MerkleLog()
        for entry in entries { honest.append(leafData: entry.leafBytes) }
        let oldHead = signer.sign(size: oldSize, root: try honest.root(at: oldSize), timestamp: 1)
        let honestHead = signer.sign(size: newSize, root: try honest.root(at: newSize), timestamp: 2)
        let honestProof = try honest.consistencyProof(from: oldSize, to: newSize)
        #expect(LogAudit.checkConsistency(old: oldHead, new: honestHead, proof: honestProof, verifier: verifier))

        for changed in 0..<oldSize {
            var rewritten = entries
            rewritten[changed] = .review(evidenceId: "ev-\(changed)", decision: "rejected", reviewer: "someone.else",
                                         at: 1_751_700_000_000)
            let forged = MerkleLog()
            for entry in rewritten { forged.append(leafData: entry.leafBytes) }
            // Signed with the real key: the signature alone cannot reveal the rewrite.
            let forgedHead = signer.sign(size: newSize, root: try forged.root(at: newSize), timestamp: 3)
            #expect(verifier.verify(forgedHead))
            let forgedProof = try forged.consistencyProof(from: oldSize, to: newSize)
            #expect(!LogAudit.checkConsistency(old: oldHead, new: forgedHead, proof: forgedProof, verifier: verifier),
                    "leaf \(changed) rewritten under a head of size \(oldSize)")
            #expect(!LogAudit.checkConsistency(old: oldHead, new: forgedHead, proof: honestProof, verifier: verifier))

            // The original entry no longer proves into the forged tree either.
            let proof = try forged.inclusionProof(index: changed, treeSize: newSize)
            #expect(!LogAudit.checkInclusion(entry: entries[changed], index: changed, proof: proof, head: forgedHead,
                                             verifier: verifier))
            #expect(LogAudit.checkInclusion(entry: rewritten[changed], index: changed, proof: proof, head: forgedHead,
                                            verifier: verifier))
        }
    }

    @Test("Dropping or reordering earlier leaves is detected too")
    func droppedAndReordered() throws {
        let (signer, verifier) = try freshKeys()
        let entries = (0..<12).map(Self.entry)
        let honest = MerkleLog()
        for entry in entries { honest.append(leafData: entry.leafBytes) }
        let oldHead = signer.sign(size: 7, root: try honest.root(at: 7), timestamp: 1)

        var variants: [[LogEntry]] = []
        var dropped = entries
        dropped.remove(at: 3)
        dropped.append(Self.entry(40))
        variants.append(dropped)
        var swapped = entries
        swapped.swapAt(1, 2)
        variants.append(swapped)
        for variant in variants {
            let forged = MerkleLog()
            for entry in variant { forged.append(leafData: entry.leafBytes) }
            let head = signer.sign(size: forged.size, root: try forged.root(at: forged.size), timestamp: 2)
            let proof = try forged.consistencyProof(from: 7, to: forged.size)
            #expect(!LogAudit.checkConsistency(old: oldHead, new: head, proof: proof, verifier: verifier))
        }
    }
}
