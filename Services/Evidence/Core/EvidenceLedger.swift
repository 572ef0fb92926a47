import EvidenceLog
import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The tamper-evident log of every stored file and every review decision about evidence:
/// an RFC 6962 Merkle tree kept in memory (rebuilt from the database at start), its leaves in
/// an append-only table, its heads signed with the service's Ed25519 key.
public final class EvidenceLedger: Sendable {
    let log: MerkleLog
    let signer: TreeHeadSigner
    let clock: NQ57Clock

    /// Loads the log from `database` and the signing key from `keyPath` (created, 0600, if absent).
    public init(database: ServiceDatabase, keyPath: String, clock: NQ57Clock = .system) throws {
        let hashes = try database.pool.read { db in
            try LogEntryRecord.leafHashes(db).compactMap(Digest.init(hex:))
        }
        log = MerkleLog(leafHashes: hashes)
        let pem: String
        if let existing = try? String(contentsOfFile: keyPath, encoding: .utf8) {
            pem = existing
        } else {
            pem = TreeHeadSigner.generatePrivateKeyPEM()
            guard FileManager.default.createFile(atPath: keyPath, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw RPCError(.internal, "cannot write the log key to \(keyPath)")
            }
        }
        signer = try TreeHeadSigner(privateKeyPEM: pem)
        self.clock = clock
    }

    /// Appends `entry` inside the caller's write transaction (writes are serialised, so the
    /// table and the tree take entries in the same order).
    func append(_ db: Database, _ entry: LogEntry, evidenceId: String) throws {
        let index = log.size
        let leafHash = entry.leafHash
        try LogEntryRecord(idx: index, evidenceId: evidenceId, kind: entry.kind, leafHash: leafHash.hex,
                           entry: String(decoding: entry.leafBytes, as: UTF8.self), at: clock.now).insert(db)
        _ = log.append(leafHash: leafHash)
    }

    /// Appends `entry` in a transaction of its own (for tools and benchmarks; the service
    /// appends inside the transaction that stores the file).
    public func record(_ entry: LogEntry, evidenceId: String, in database: ServiceDatabase) throws {
        try database.pool.write { db in try self.append(db, entry, evidenceId: evidenceId) }
    }

    /// The current head, signed now.
    public func head() -> SignedTreeHead {
        let current = log.head
        return Self.api(signer.sign(size: current.size, root: current.root, timestamp: Int64(clock.now.timeIntervalSince1970 * 1000)))
    }

    /// The entry recording file `evidenceId`, with its inclusion proof against a head signed now.
    func prove(_ db: Database, evidenceId: String) throws -> EvidenceProve.Result {
        guard let stored = try LogEntryRecord.stored(db, evidenceId: evidenceId) else {
            throw RPCError(.notFound, "Nhật ký chưa ghi minh chứng \"\(evidenceId)\".", details: ["field": "id", "id": evidenceId])
        }
        let head = self.head()
        let proof = try log.inclusionProof(index: stored.idx, treeSize: head.size)
        return EvidenceProve.Result(entry: stored.entry, index: stored.idx, head: head, proof: proof.map(\.hex))
    }

    /// Proof that the log of size `from` is a prefix of the current one.
    public func consistency(from: Int) throws -> EvidenceConsistency.Result {
        let head = self.head()
        guard from >= 0, from <= head.size else {
            throw RPCError(.invalidArgument, "Kích thước \(from) lớn hơn nhật ký hiện tại (\(head.size)).", details: ["field": "from"])
        }
        let proof = try log.consistencyProof(from: from, to: head.size)
        return EvidenceConsistency.Result(head: head, proof: proof.map(\.hex))
    }

    static func api(_ head: TreeHead) -> SignedTreeHead {
        SignedTreeHead(size: head.size, root: head.root.hex, timestamp: head.timestamp, signature: head.signature)
    }
}
