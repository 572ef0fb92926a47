@testable import EvidenceLog

import Testing

/// Every root and proof for every tree size 1…70, checked three ways (the stateless
/// functions, the memoised log, the naive reference) and then with the standalone verifiers.
@Suite("Cross-check against the naive reference, sizes 1…70")
struct CrossCheckTests {
    static let maxSize = 70
    static let leafData: [[UInt8]] = (0..<maxSize).map(sampleLeafData)
    static let referenceLeaves: [[UInt8]] = leafData.map(ReferenceMerkle.leafHash)
    static let leafHashes: [Digest] = leafData.map { MerkleHash.leaf($0) }
    static let log: MerkleLog = {
        let log = MerkleLog()
        for data in leafData { log.append(leafData: data) }
        return log
    }()

    @Test("Leaf hashes agree with the reference")
    func leafHashes() {
        #expect(Self.leafHashes.map(\.bytes) == Self.referenceLeaves)
    }

    @Test("Roots", arguments: 1...maxSize)
    func roots(size: Int) throws {
        let expected = ReferenceMerkle.mth(Self.referenceLeaves[0..<size])
        #expect(MerkleTree.root(of: Self.leafHashes[0..<size]).bytes == expected)
        #expect(try Self.log.root(at: size).bytes == expected)
    }

    @Test("Every inclusion proof in the tree of this size", arguments: 1...maxSize)
    func inclusion(size: Int) throws {
        let root = MerkleTree.root(of: Self.leafHashes[0..<size])
        for index in 0..<size {
            let expected = ReferenceMerkle.path(index, Self.referenceLeaves[0..<size])
            let stateless = MerkleTree.inclusionProof(index: index, treeSize: size, leaves: Self.leafHashes)
            let memoised = try Self.log.inclusionProof(index: index, treeSize: size)
            #expect(stateless.map(\.bytes) == expected, "index \(index) of \(size)")
            #expect(memoised == stateless, "index \(index) of \(size)")
            #expect(MerkleTree.verifyInclusion(leafHash: Self.leafHashes[index], index: index, treeSize: size,
                                               proof: memoised, root: root), "index \(index) of \(size)")
        }
    }

    @Test("Every consistency proof from each smaller size to this one", arguments: 1...maxSize)
    func consistency(new: Int) throws {
        let newRoot = MerkleTree.root(of: Self.leafHashes[0..<new])
        for old in 0...new {
            let oldRoot = MerkleTree.root(of: Self.leafHashes[0..<old])
            let expected = ReferenceMerkle.proof(old, Self.referenceLeaves[0..<new])
            let stateless = MerkleTree.consistencyProof(from: old, to: new, leaves: Self.leafHashes)
            let memoised = try Self.log.consistencyProof(from: old, to: new)
            #expect(stateless.map(\.bytes) == expected, "\(old) → \(new)")
            #expect(memoised == stateless, "\(old) → \(new)")
            #expect(MerkleTree.verifyConsistency(oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: newRoot,
                                                 proof: memoised), "\(old) → \(new)")
        }
    }
}
