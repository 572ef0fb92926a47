/// Stateless RFC 6962 Merkle tree functions over an array of leaf hashes.
///
/// These recompute everything from the leaves on each call (MTH over `n` leaves costs `n - 1`
/// node hashes); for a growing log use `MerkleLog`, which memoises complete subtrees.
/// Invalid arguments (an index or size beyond the leaves given) are programming errors and
/// stop the program; `MerkleLog` reports them as errors instead.
public enum MerkleTree {
    /// MTH(D[n]) of RFC 6962 §2.1 over all of `leaves`; the empty-tree hash when there are none.
    public static func root(of leaves: ArraySlice<Digest>) -> Digest {
        LeafSliceHashing(leaves: leaves).rootHash(size: leaves.count)
    }

    /// MTH(D[n]) over all of `leaves`.
    public static func root(of leaves: [Digest]) -> Digest {
        root(of: leaves[...])
    }

    /// The audit path PATH(`index`, D[`treeSize`]) of RFC 6962 §2.1.1, for the tree made of the
    /// first `treeSize` of `leaves`: sibling hashes from the leaf upwards.
    ///
    /// - Precondition: 0 ≤ `index` < `treeSize` ≤ `leaves.count`.
    public static func inclusionProof(index: Int, treeSize: Int, leaves: ArraySlice<Digest>) -> [Digest] {
        precondition(treeSize <= leaves.count, "tree size \(treeSize) is beyond the \(leaves.count) leaves given")
        return MerkleProofs.inclusion(index: index, treeSize: treeSize, source: LeafSliceHashing(leaves: leaves))
    }

    /// The audit path PATH(`index`, D[`treeSize`]) over the first `treeSize` of `leaves`.
    ///
    /// - Precondition: 0 ≤ `index` < `treeSize` ≤ `leaves.count`.
    public static func inclusionProof(index: Int, treeSize: Int, leaves: [Digest]) -> [Digest] {
        inclusionProof(index: index, treeSize: treeSize, leaves: leaves[...])
    }

    /// The consistency proof PROOF(`old`, D[`new`]) of RFC 6962 §2.1.2, between the trees made
    /// of the first `old` and the first `new` of `leaves`. Empty when `old` is 0 or `old`
    /// equals `new`.
    ///
    /// - Precondition: 0 ≤ `old` ≤ `new` ≤ `leaves.count`.
    public static func consistencyProof(from old: Int, to new: Int, leaves: ArraySlice<Digest>) -> [Digest] {
        precondition(new <= leaves.count, "tree size \(new) is beyond the \(leaves.count) leaves given")
        return MerkleProofs.consistency(from: old, to: new, source: LeafSliceHashing(leaves: leaves))
    }

    /// The consistency proof PROOF(`old`, D[`new`]) over the first `new` of `leaves`.
    ///
    /// - Precondition: 0 ≤ `old` ≤ `new` ≤ `leaves.count`.
    public static func consistencyProof(from old: Int, to new: Int, leaves: [Digest]) -> [Digest] {
        consistencyProof(from: old, to: new, leaves: leaves[...])
    }
}
