extension MerkleTree {
    /// Checks an inclusion proof as RFC 9162 §2.1.3.2 describes, using nothing but the proof:
    /// whether the leaf with hash `leafHash` is at position `index` in the tree of `treeSize`
    /// leaves whose root is `root`.
    ///
    /// Returns false, never traps, for any malformed input: a negative or out-of-range index,
    /// a proof too short or too long.
    public static func verifyInclusion(leafHash: Digest, index: Int, treeSize: Int, proof: [Digest], root: Digest) -> Bool {
        guard index >= 0, index < treeSize else { return false }
        var fn = index
        var sn = treeSize - 1
        var hash = leafHash
        for sibling in proof {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = MerkleHash.node(sibling, hash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = MerkleHash.node(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }

    /// Checks a consistency proof as RFC 9162 §2.1.4.2 describes: whether the tree of
    /// `newSize` leaves with root `newRoot` extends, without changing any of them, the first
    /// `oldSize` leaves, whose root is `oldRoot`.
    ///
    /// Sizes the RFC leaves aside are decided as follows: equal sizes need an empty proof and
    /// equal roots; an old size of 0 needs an empty proof and `oldRoot` equal to the empty-tree
    /// hash (every tree extends the empty tree); a new size below the old one is false.
    /// Returns false, never traps, for any malformed input.
    public static func verifyConsistency(oldSize: Int, newSize: Int, oldRoot: Digest, newRoot: Digest, proof: [Digest]) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == MerkleHash.emptyRoot }
        guard !proof.isEmpty else { return false }

        // When the old tree is a complete subtree, its root is the first node of the path.
        let path = isPowerOfTwo(oldSize) ? [oldRoot] + proof : proof
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldHash = path[0]
        var newHash = path[0]
        for node in path.dropFirst() {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldHash = MerkleHash.node(node, oldHash)
                newHash = MerkleHash.node(node, newHash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newHash = MerkleHash.node(newHash, node)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldHash == oldRoot && newHash == newRoot
    }
}
