import Synchronization

/// The evidence log's Merkle tree, in memory: an append-only list of leaf hashes with every
/// complete subtree hash memoised.
///
/// Appending costs amortised two hashes (the leaf and one node); a root or proof for any tree
/// size up to the current one costs O(log n) node hashes. Memory is about 64 bytes per leaf.
/// The leaves themselves live in the database; on start-up, reload their hashes in order with
/// `append(leafHash:)`.
///
/// All methods may be called from any thread: the state sits behind a `Mutex`, held for the
/// O(log n) work of one call.
public final class MerkleLog: Sendable {
    private let state = Mutex(MerkleLevels())

    /// An empty log.
    public init() {}

    /// A log holding `leafHashes`, in order (for reloading from a database).
    public init(leafHashes: some Collection<Digest>) {
        state.withLock { levels in
            levels.reserveCapacity(leafHashes.count)
            for leafHash in leafHashes { levels.append(leafHash) }
        }
    }

    /// The number of leaves.
    public var size: Int {
        state.withLock { $0.count }
    }

    /// The root of the whole log as it is now, with its size, read together.
    public var head: (size: Int, root: Digest) {
        state.withLock { ($0.count, $0.rootHash(size: $0.count)) }
    }

    /// Hashes `leafData` as a leaf (RFC 6962: SHA-256(0x00 || data)) and appends it.
    /// Returns the new leaf's position and hash.
    @discardableResult
    public func append(leafData: [UInt8]) -> (index: Int, leafHash: Digest) {
        let leafHash = MerkleHash.leaf(leafData)
        return (append(leafHash: leafHash), leafHash)
    }

    /// Appends an already computed leaf hash; returns its position.
    @discardableResult
    public func append(leafHash: Digest) -> Int {
        state.withLock { levels in
            levels.append(leafHash)
            return levels.count - 1
        }
    }

    /// The hash of the leaf at `index`.
    public func leafHash(at index: Int) throws(MerkleLogError) -> Digest {
        try state.withLock { levels throws(MerkleLogError) in
            guard index >= 0, index < levels.count else {
                throw .indexOutOfRange(index: index, treeSize: levels.count)
            }
            return levels.leaf(at: index)
        }
    }

    /// The root of the tree made of the first `size` leaves (the empty-tree hash for 0).
    public func root(at size: Int) throws(MerkleLogError) -> Digest {
        try state.withLock { levels throws(MerkleLogError) in
            try Self.check(treeSize: size, in: levels)
            return levels.rootHash(size: size)
        }
    }

    /// The inclusion proof (RFC 6962 PATH) of leaf `index` in the tree of the first `treeSize`
    /// leaves.
    public func inclusionProof(index: Int, treeSize: Int) throws(MerkleLogError) -> [Digest] {
        try state.withLock { levels throws(MerkleLogError) in
            try Self.check(treeSize: treeSize, in: levels)
            guard index >= 0, index < treeSize else {
                throw .indexOutOfRange(index: index, treeSize: treeSize)
            }
            return MerkleProofs.inclusion(index: index, treeSize: treeSize, source: levels)
        }
    }

    /// The consistency proof (RFC 6962 PROOF) that the tree of the first `new` leaves extends
    /// the tree of the first `old`. Empty when `old` is 0 or equals `new`.
    public func consistencyProof(from old: Int, to new: Int) throws(MerkleLogError) -> [Digest] {
        try state.withLock { levels throws(MerkleLogError) in
            try Self.check(treeSize: new, in: levels)
            guard old >= 0, old <= new else { throw .sizesOutOfOrder(old: old, new: new) }
            return MerkleProofs.consistency(from: old, to: new, source: levels)
        }
    }

    private static func check(treeSize: Int, in levels: borrowing MerkleLevels) throws(MerkleLogError) {
        guard treeSize >= 0, treeSize <= levels.count else {
            throw .treeSizeOutOfRange(treeSize: treeSize, logSize: levels.count)
        }
    }
}
