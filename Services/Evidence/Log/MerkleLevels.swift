/// Every complete, aligned subtree hash of an append-only list of leaves, kept level by level.
///
/// `levels[0]` holds the leaf hashes; `levels[h][i]` is the hash of the `2^h` leaves starting
/// at `i · 2^h`. Appending a leaf adds one entry to level 0 and, each time a level gets an
/// even count, the new parent above it: amortised one node hash per leaf, and about two
/// digests of memory per leaf in all. These hashes never change once written, so they serve
/// every older tree size as well.
///
/// Any subtree the RFC 6962 recursion asks for is then O(log n) node hashes: its left part is
/// always complete (one lookup) and only its right edge needs hashing.
struct MerkleLevels: SubtreeHashing {
    private var levels: [[Digest]] = [[]]

    /// The number of leaves.
    var count: Int { levels[0].count }

    /// The hash of leaf `index`.
    func leaf(at index: Int) -> Digest { levels[0][index] }

    /// Appends a leaf hash and the complete subtrees it closes.
    mutating func append(_ leafHash: Digest) {
        levels[0].append(leafHash)
        var height = 0
        while levels[height].count % 2 == 0 {
            let count = levels[height].count
            let parent = MerkleHash.node(levels[height][count - 2], levels[height][count - 1])
            if levels.count == height + 1 { levels.append([]) }
            levels[height + 1].append(parent)
            height += 1
        }
    }

    /// Reserves room for `count` leaves in all, so that a bulk load does not reallocate.
    mutating func reserveCapacity(_ count: Int) {
        var height = 0
        var needed = count
        while needed > 0 {
            if levels.count == height { levels.append([]) }
            levels[height].reserveCapacity(needed)
            needed /= 2
            height += 1
        }
    }

    func subtreeHash(start: Int, count: Int) -> Digest {
        if isPowerOfTwo(count) {
            assert(start % count == 0, "the RFC 6962 recursion only asks for aligned complete subtrees")
            let height = count.trailingZeroBitCount
            return levels[height][start >> height]
        }
        let left = splitPoint(count)
        return MerkleHash.node(
            subtreeHash(start: start, count: left),
            subtreeHash(start: start + left, count: count - left))
    }
}
