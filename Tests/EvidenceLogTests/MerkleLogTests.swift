@testable import EvidenceLog

import Testing

@Suite("Merkle log")
struct MerkleLogTests {
    @Test("Appending one at a time gives the same roots and proofs as the batch functions")
    func incrementalEqualsBatch() throws {
        let count = 300
        let data = (0..<count).map(sampleLeafData)
        let batch = data.map { MerkleHash.leaf($0) }
        let log = MerkleLog()
        for (i, leaf) in data.enumerated() {
            let appended = log.append(leafData: leaf)
            #expect(appended.index == i)
            #expect(appended.leafHash == batch[i])
            #expect(log.size == i + 1)
            #expect(log.head.root == MerkleTree.root(of: batch[0...i]), "after \(i + 1) appends")
        }
        // Old sizes still answer from the grown log.
        for size in stride(from: 0, through: count, by: 7) {
            #expect(try log.root(at: size) == MerkleTree.root(of: batch[0..<size]))
        }
        for index in stride(from: 0, to: 257, by: 13) {
            #expect(try log.inclusionProof(index: index, treeSize: 257)
                == MerkleTree.inclusionProof(index: index, treeSize: 257, leaves: batch))
        }
        #expect(try log.consistencyProof(from: 100, to: 300)
            == MerkleTree.consistencyProof(from: 100, to: 300, leaves: batch))

        let reloaded = MerkleLog(leafHashes: batch)
        let appendedByHash = MerkleLog()
        for hash in batch { appendedByHash.append(leafHash: hash) }
        #expect(reloaded.head == log.head)
        #expect(appendedByHash.head == log.head)
        #expect(try reloaded.leafHash(at: 123) == batch[123])
    }

    @Test("Sizes and indexes outside the log are errors, not crashes")
    func outOfRange() throws {
        let log = MerkleLog(leafHashes: (0..<10).map { MerkleHash.leaf(sampleLeafData($0)) })
        #expect(throws: MerkleLogError.treeSizeOutOfRange(treeSize: 11, logSize: 10)) { try log.root(at: 11) }
        #expect(throws: MerkleLogError.treeSizeOutOfRange(treeSize: -1, logSize: 10)) { try log.root(at: -1) }
        #expect(throws: MerkleLogError.indexOutOfRange(index: 5, treeSize: 5)) { try log.inclusionProof(index: 5, treeSize: 5) }
        #expect(throws: MerkleLogError.indexOutOfRange(index: -1, treeSize: 5)) { try log.inclusionProof(index: -1, treeSize: 5) }
        #expect(throws: MerkleLogError.treeSizeOutOfRange(treeSize: 12, logSize: 10)) { try log.inclusionProof(index: 0, treeSize: 12) }
        #expect(throws: MerkleLogError.sizesOutOfOrder(old: 6, new: 5)) { try log.consistencyProof(from: 6, to: 5) }
        #expect(throws: MerkleLogError.sizesOutOfOrder(old: -1, new: 5)) { try log.consistencyProof(from: -1, to: 5) }
        #expect(throws: MerkleLogError.treeSizeOutOfRange(treeSize: 11, logSize: 10)) { try log.consistencyProof(from: 1, to: 11) }
        #expect(throws: MerkleLogError.indexOutOfRange(index: 10, treeSize: 10)) { try log.leafHash(at: 10) }
        #expect(try log.consistencyProof(from: 0, to: 10).isEmpty)
        #expect(try log.consistencyProof(from: 10, to: 10).isEmpty)
    }

    @Test("Concurrent appends each get their own index, and nothing is lost")
    func concurrentAppends() async throws {
        let log = MerkleLog()
        let writers = 8
        let perWriter = 250
        let indexes = await withTaskGroup(of: [(Int, Digest)].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    (0..<perWriter).map { i in
                        let appended = log.append(leafData: sampleLeafData(writer * perWriter + i))
                        // Readers run alongside the writers.
                        _ = try? log.inclusionProof(index: appended.index, treeSize: appended.index + 1)
                        return (appended.index, appended.leafHash)
                    }
                }
            }
            var all: [(Int, Digest)] = []
            for await part in group { all += part }
            return all
        }
        #expect(log.size == writers * perWriter)
        #expect(Set(indexes.map(\.0)) == Set(0..<writers * perWriter))
        var ordered = [Digest](repeating: MerkleHash.emptyRoot, count: writers * perWriter)
        for (index, hash) in indexes { ordered[index] = hash }
        #expect(log.head.root == MerkleTree.root(of: ordered))
    }
}
