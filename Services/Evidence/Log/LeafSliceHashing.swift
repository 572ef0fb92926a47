/// Subtree hashes computed directly from a slice of leaf hashes, with no memo: MTH over `n`
/// leaves costs `n - 1` node hashes. Used by the stateless `MerkleTree` functions.
struct LeafSliceHashing: SubtreeHashing {
    /// The leaf hashes; position 0 of the tree is `leaves.startIndex`.
    let leaves: ArraySlice<Digest>

    func subtreeHash(start: Int, count: Int) -> Digest {
        if count == 1 { return leaves[leaves.startIndex + start] }
        let left = splitPoint(count)
        return MerkleHash.node(
            subtreeHash(start: start, count: left),
            subtreeHash(start: start + left, count: count - left))
    }
}
