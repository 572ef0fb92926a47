/// The proof constructions of RFC 6962 §2.1.1 (PATH) and §2.1.2 (PROOF / SUBPROOF), written
/// once over any `SubtreeHashing` source.
///
/// Both walk from the root down, noting the sibling subtree at each step, and return the
/// notes deepest first, which is the order the RFC's recursive definitions produce.
enum MerkleProofs {
    /// PATH(index, D[treeSize]): the sibling hashes from leaf `index` up to the root.
    ///
    /// - Precondition: 0 ≤ `index` < `treeSize`, and `source` covers `treeSize` leaves.
    static func inclusion(index: Int, treeSize: Int, source: some SubtreeHashing) -> [Digest] {
        precondition(index >= 0 && index < treeSize, "leaf \(index) is not in a tree of \(treeSize)")
        var siblings: [Digest] = []
        var start = 0
        var count = treeSize
        var position = index
        while count > 1 {
            let left = splitPoint(count)
            if position < left {
                // PATH(m, D[0:k]) : MTH(D[k:n])
                siblings.append(source.subtreeHash(start: start + left, count: count - left))
                count = left
            } else {
                // PATH(m - k, D[k:n]) : MTH(D[0:k])
                siblings.append(source.subtreeHash(start: start, count: left))
                start += left
                count -= left
                position -= left
            }
        }
        return siblings.reversed()
    }

    /// PROOF(oldSize, D[newSize]) = SUBPROOF(oldSize, D[newSize], true).
    ///
    /// Empty when `oldSize` is 0 or equals `newSize`: every tree extends the empty tree, and a
    /// tree is consistent with itself when the roots are equal.
    ///
    /// - Precondition: 0 ≤ `oldSize` ≤ `newSize`, and `source` covers `newSize` leaves.
    static func consistency(from oldSize: Int, to newSize: Int, source: some SubtreeHashing) -> [Digest] {
        precondition(oldSize >= 0 && oldSize <= newSize, "no consistency proof from \(oldSize) to \(newSize)")
        guard oldSize > 0 else { return [] }
        var nodes: [Digest] = []
        var start = 0
        var count = newSize
        var split = oldSize          // m in SUBPROOF(m, D[start ..< start + count], b)
        var wholeTreeIsOld = true    // b: the subtree is the old tree's own root
        while split < count {
            let left = splitPoint(count)
            if split <= left {
                // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                nodes.append(source.subtreeHash(start: start + left, count: count - left))
                count = left
            } else {
                // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
                nodes.append(source.subtreeHash(start: start, count: left))
                start += left
                count -= left
                split -= left
                wholeTreeIsOld = false
            }
        }
        // Here m == n: SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}.
        if !wholeTreeIsOld {
            nodes.append(source.subtreeHash(start: start, count: count))
        }
        return nodes.reversed()
    }
}
