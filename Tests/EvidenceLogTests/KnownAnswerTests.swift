@testable import EvidenceLog

import Testing

@Suite("RFC 6962 known answers")
struct KnownAnswerTests {
    typealias CT = CertificateTransparencyVectors

    var leafHashes: [Digest] { CT.leaves.map { MerkleHash.leaf($0) } }

    @Test("The empty tree's root is SHA-256 of the empty string")
    func emptyRoot() throws {
        #expect(MerkleHash.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleTree.root(of: [Digest]()) == MerkleHash.emptyRoot)
        #expect(try MerkleLog().root(at: 0) == MerkleHash.emptyRoot)
    }

    @Test("Leaf and node hashes carry the 0x00 and 0x01 prefixes")
    func prefixes() {
        // SHA-256(0x00): the one-leaf root of the reference tree.
        #expect(MerkleHash.leaf([UInt8]()).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        let left = MerkleHash.leaf([UInt8]())
        let right = MerkleHash.leaf([0x00])
        #expect(MerkleHash.node(left, right).bytes == ReferenceMerkle.sha256([0x01] + left.bytes + right.bytes))
        #expect(MerkleHash.node(left, right) != MerkleHash.node(right, left))
    }

    @Test("Roots of the reference tree at every size 0…8, stateless and from the log")
    func roots() throws {
        let log = MerkleLog()
        for leaf in CT.leaves { log.append(leafData: leaf) }
        for size in 0...8 {
            #expect(MerkleTree.root(of: leafHashes[0..<size]).hex == CT.roots[size], "size \(size)")
            #expect(try log.root(at: size).hex == CT.roots[size], "size \(size)")
        }
    }

    @Test("Audit paths of the reference tree", arguments: CertificateTransparencyVectors.inclusion.indices)
    func inclusion(vector: Int) throws {
        let (index, size, path) = CT.inclusion[vector]
        let expected = path.map(digest)
        #expect(MerkleTree.inclusionProof(index: index, treeSize: size, leaves: leafHashes) == expected)
        let log = MerkleLog(leafHashes: leafHashes)
        #expect(try log.inclusionProof(index: index, treeSize: size) == expected)
        #expect(MerkleTree.verifyInclusion(leafHash: leafHashes[index], index: index, treeSize: size,
                                           proof: expected, root: digest(CT.roots[size])))
    }

    @Test("Consistency proofs of the reference tree", arguments: CertificateTransparencyVectors.consistency.indices)
    func consistency(vector: Int) throws {
        let (old, new, proof) = CT.consistency[vector]
        let expected = proof.map(digest)
        #expect(MerkleTree.consistencyProof(from: old, to: new, leaves: leafHashes) == expected)
        let log = MerkleLog(leafHashes: leafHashes)
        #expect(try log.consistencyProof(from: old, to: new) == expected)
        #expect(MerkleTree.verifyConsistency(oldSize: old, newSize: new, oldRoot: digest(CT.roots[old]),
                                             newRoot: digest(CT.roots[new]), proof: expected))
    }
}
