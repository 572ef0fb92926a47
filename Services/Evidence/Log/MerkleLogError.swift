/// Why `MerkleLog` could not answer: the sizes or index asked for do not describe a tree the
/// log holds. These usually come from a client's request, so they are errors, not traps.
public enum MerkleLogError: Error, Equatable, Sendable {
    /// `treeSize` is negative or larger than the log (`logSize` leaves).
    case treeSizeOutOfRange(treeSize: Int, logSize: Int)
    /// `index` is negative or not below `treeSize`.
    case indexOutOfRange(index: Int, treeSize: Int)
    /// A consistency proof was asked from a larger tree to a smaller one.
    case sizesOutOfOrder(old: Int, new: Int)
}
