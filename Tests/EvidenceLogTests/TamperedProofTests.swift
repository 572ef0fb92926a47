@testable import EvidenceLog

import Testing

/// A proof changed in any way — one flipped bit, another index, another tree (size and its
/// root), one node too few or too many — must fail the standalone verifiers.
///
/// A proof and root alone do not pin the size: the same nodes and the same root can also
/// check for another size whose tree has the same shape along the proof's path (RFC 9162's
/// algorithms never see the nodes' preimages). The size is fixed by the signed tree head,
/// which signs size and root together; `sizeIsBoundByTheSignedHead` shows both halves.
@Suite("Tampered proofs fail")
struct TamperedProofTests {
    static let maxSize = 33
    static let leafHashes: [Digest] = (0..<maxSize).map { MerkleHash.leaf(sampleLeafData($0)) }
    static let log = MerkleLog(leafHashes: leafHashes)

    static func root(_ size: Int) -> Digest {
        MerkleTree.root(of: leafHashes[0..<size])
    }

    @Test("Inclusion: flipped byte, wrong index, wrong size, wrong leaf or root, truncated or padded proof",
          arguments: 1...maxSize)
    func inclusion(size: Int) throws {
        let root = Self.root(size)
        for index in 0..<size {
            let leaf = Self.leafHashes[index]
            let proof = try Self.log.inclusionProof(index: index, treeSize: size)
            func verifies(_ proof: [Digest], leaf: Digest = leaf, index: Int = index, size: Int = size,
                          root: Digest = root) -> Bool {
                MerkleTree.verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: proof, root: root)
            }
            #expect(verifies(proof))
            for position in proof.indices {
                for byte in [0, 17, 31] {
                    var tampered = proof
                    tampered[position] = flipped(proof[position], at: byte)
                    #expect(!verifies(tampered), "node \(position) byte \(byte), leaf \(index) of \(size)")
                }
            }
            for other in -1...size where other != index {
                #expect(!verifies(proof, index: other), "index \(other) for \(index) of \(size)")
            }
            // Another size, with that size's own root: the claim a tampered head would make.
            for otherSize in 1...Self.maxSize where otherSize != size {
                #expect(!verifies(proof, size: otherSize, root: Self.root(otherSize)),
                        "size \(otherSize) for \(index) of \(size)")
            }
            #expect(!verifies(proof, size: 0, root: MerkleHash.emptyRoot))
            #expect(!verifies(proof, size: -1))
            #expect(!verifies(proof, leaf: flipped(leaf)))
            #expect(!verifies(proof, root: flipped(root, at: 31)))
            if !proof.isEmpty {
                #expect(!verifies(Array(proof.dropLast())), "truncated, \(index) of \(size)")
                #expect(!verifies(Array(proof.dropFirst())), "first node dropped, \(index) of \(size)")
            }
            #expect(!verifies(proof + [root]), "padded, \(index) of \(size)")
            #expect(!verifies(proof + [leaf]), "padded, \(index) of \(size)")
        }
    }

    @Test("Consistency: flipped byte, wrong sizes, swapped or wrong roots, truncated or padded proof",
          arguments: 1...maxSize)
    func consistency(new: Int) throws {
        let newRoot = Self.root(new)
        for old in 1..<new {
            let oldRoot = Self.root(old)
            let proof = try Self.log.consistencyProof(from: old, to: new)
            func verifies(_ proof: [Digest], old: Int = old, new: Int = new, oldRoot: Digest = oldRoot,
                          newRoot: Digest = newRoot) -> Bool {
                MerkleTree.verifyConsistency(oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof)
            }
            #expect(verifies(proof))
            for position in proof.indices {
                var tampered = proof
                tampered[position] = flipped(proof[position], at: position % 32)
                #expect(!verifies(tampered), "node \(position), \(old) → \(new)")
            }
            // Other sizes, each with its own root: the claims tampered heads would make.
            for otherOld in 1..<new where otherOld != old {
                #expect(!verifies(proof, old: otherOld, oldRoot: Self.root(otherOld)),
                        "old size \(otherOld) for \(old) → \(new)")
            }
            for otherNew in old + 1...Self.maxSize where otherNew != new {
                #expect(!verifies(proof, new: otherNew, newRoot: Self.root(otherNew)),
                        "new size \(otherNew) for \(old) → \(new)")
            }
            #expect(!verifies(proof, old: -1))
            #expect(!verifies(proof, old: new, new: old, oldRoot: newRoot, newRoot: oldRoot), "backwards \(old) → \(new)")
            #expect(!verifies(proof, oldRoot: flipped(oldRoot)))
            #expect(!verifies(proof, newRoot: flipped(newRoot)))
            #expect(!verifies(proof, oldRoot: newRoot, newRoot: oldRoot))
            #expect(!verifies(Array(proof.dropLast())), "truncated, \(old) → \(new)")
            #expect(!verifies(Array(proof.dropFirst())), "first node dropped, \(old) → \(new)")
            #expect(!verifies(proof + [newRoot]), "padded, \(old) → \(new)")
            #expect(!verifies([]), "empty, \(old) → \(new)")
        }
    }

    @Test("Equal sizes need equal roots and an empty proof; size 0 needs the empty root")
    func edgeSizes() {
        let root5 = Self.root(5)
        #expect(MerkleTree.verifyConsistency(oldSize: 5, newSize: 5, oldRoot: root5, newRoot: root5, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 5, newSize: 5, oldRoot: root5, newRoot: Self.root(4), proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 5, newSize: 5, oldRoot: root5, newRoot: root5, proof: [root5]))
        #expect(MerkleTree.verifyConsistency(oldSize: 0, newSize: 5, oldRoot: MerkleHash.emptyRoot, newRoot: root5, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 0, newSize: 5, oldRoot: root5, newRoot: root5, proof: []))
        #expect(!MerkleTree.verifyConsistency(oldSize: 0, newSize: 5, oldRoot: MerkleHash.emptyRoot, newRoot: root5,
                                              proof: [root5]))
        #expect(!MerkleTree.verifyInclusion(leafHash: Self.leafHashes[0], index: 0, treeSize: 0, proof: [],
                                            root: MerkleHash.emptyRoot))
    }

    @Test("The size is fixed by the signed head: a proof for 3 leaves also checks as 4 with the same root, but no signed head says so")
    func sizeIsBoundByTheSignedHead() throws {
        let (signer, verifier) = try freshKeys()
        let entries = (0..<3).map { LogEntry.review(evidenceId: "ev-\($0)", decision: "approved", reviewer: "r", at: 0) }
        let log = MerkleLog()
        for entry in entries { log.append(leafData: entry.leafBytes) }
        let head = signer.sign(size: 3, root: try log.root(at: 3), timestamp: 1)
        let proof = try log.inclusionProof(index: 0, treeSize: 3)
        #expect(MerkleTree.verifyInclusion(leafHash: entries[0].leafHash, index: 0, treeSize: 4, proof: proof, root: head.root))
        #expect(LogAudit.checkInclusion(entry: entries[0], index: 0, proof: proof, head: head, verifier: verifier))
        var relabelled = head
        relabelled.size = 4
        #expect(!LogAudit.checkInclusion(entry: entries[0], index: 0, proof: proof, head: relabelled, verifier: verifier))
    }
}
