/// Something that can give the Merkle Tree Hash of a run of consecutive leaves.
///
/// The proof algorithms in `MerkleProofs` only ever ask for the runs that the RFC 6962
/// recursion produces: `count` leaves starting at `start`, where a run whose `count` is a
/// power of two always starts at a multiple of `count` (an aligned, complete subtree). A
/// source may rely on that to answer such runs from a memo.
protocol SubtreeHashing {
    /// MTH(D[start ..< start + count]), for `count` ≥ 1.
    func subtreeHash(start: Int, count: Int) -> Digest
}

extension SubtreeHashing {
    /// MTH(D[0 ..< size]); the empty-tree hash when `size` is 0.
    func rootHash(size: Int) -> Digest {
        size == 0 ? MerkleHash.emptyRoot : subtreeHash(start: 0, count: size)
    }
}

/// The RFC 6962 split point: the largest power of two strictly smaller than `count`.
///
/// - Precondition: `count` ≥ 2.
@inline(__always)
func splitPoint(_ count: Int) -> Int {
    precondition(count >= 2, "only a tree of two or more leaves splits")
    return 1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
}

/// Whether `value` (≥ 1) is a power of two.
@inline(__always)
func isPowerOfTwo(_ value: Int) -> Bool {
    value > 0 && value & (value - 1) == 0
}
