/// Offline checks for the command-line tool: given what the log served and the log's public
/// key, decide whether an entry is in a signed tree, or whether a newer signed tree extends
/// an older one. Nothing here trusts the server: every signature and proof is checked.
public enum LogAudit {
    /// Whether `head` is validly signed and `proof` shows `entry` (hashed from its canonical
    /// `leafBytes`) at position `index` in the tree `head` describes.
    public static func checkInclusion(entry: LogEntry, index: Int, proof: [Digest], head: TreeHead,
                                      verifier: TreeHeadVerifier) -> Bool {
        verifier.verify(head)
            && MerkleTree.verifyInclusion(leafHash: entry.leafHash, index: index, treeSize: head.size,
                                          proof: proof, root: head.root)
    }

    /// Whether both heads are validly signed and `proof` shows the tree of `new` extends the
    /// tree of `old` unchanged: false for a rewritten history, and false when `new` is smaller
    /// than `old` (a log never shrinks).
    public static func checkConsistency(old: TreeHead, new: TreeHead, proof: [Digest],
                                        verifier: TreeHeadVerifier) -> Bool {
        verifier.verify(old) && verifier.verify(new)
            && MerkleTree.verifyConsistency(oldSize: old.size, newSize: new.size, oldRoot: old.root,
                                            newRoot: new.root, proof: proof)
    }
}
