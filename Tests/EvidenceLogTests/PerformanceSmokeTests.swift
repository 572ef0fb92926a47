@testable import EvidenceLog

import Testing

/// Not a benchmark: shows that a million-leaf log is practical, and prints the timings.
/// Nothing here asserts on time.
@Suite("Performance smoke test")
struct PerformanceSmokeTests {
    @Test("A million leaves: append, root, proofs, all verified")
    func millionLeaves() throws {
        let count = 1_000_000
        let clock = ContinuousClock()
        let log = MerkleLog()

        let appendTime = clock.measure {
            var data = [UInt8](repeating: 0, count: 8)
            for i in 0..<count {
                withUnsafeBytes(of: UInt64(i).littleEndian) { data.replaceSubrange(0..<8, with: $0) }
                log.append(leafData: data)
            }
        }
        #expect(log.size == count)

        var root = MerkleHash.emptyRoot
        let rootTime = clock.measure { root = log.head.root }

        let index = 765_432
        var inclusion: [Digest] = []
        var consistency: [Digest] = []
        let proofTime = try clock.measure {
            inclusion = try log.inclusionProof(index: index, treeSize: count)
            consistency = try log.consistencyProof(from: 999_999 - 123_456, to: count)
        }
        let leaf = try log.leafHash(at: index)
        let oldRoot = try log.root(at: 999_999 - 123_456)
        #expect(inclusion.count == 20)
        #expect(MerkleTree.verifyInclusion(leafHash: leaf, index: index, treeSize: count, proof: inclusion, root: root))
        #expect(MerkleTree.verifyConsistency(oldSize: 999_999 - 123_456, newSize: count, oldRoot: oldRoot,
                                             newRoot: root, proof: consistency))

        // The stateless O(n) computation must agree with the memoised one.
        var leaves: [Digest] = []
        leaves.reserveCapacity(count)
        for i in 0..<count { leaves.append(try log.leafHash(at: i)) }
        var batchRoot = MerkleHash.emptyRoot
        let batchTime = clock.measure { batchRoot = MerkleTree.root(of: leaves) }
        #expect(batchRoot == root)

        var reloaded: MerkleLog?
        let reloadTime = clock.measure { reloaded = MerkleLog(leafHashes: leaves) }
        #expect(reloaded?.head.root == root)

        print("""
            [EvidenceLog timing] \(count) leaves: append (leaf + node hashes) \(appendTime); \
            root \(rootTime); inclusion + consistency proof \(proofTime); \
            stateless root from leaf hashes \(batchTime); reload from leaf hashes \(reloadTime)
            """)
    }
}
