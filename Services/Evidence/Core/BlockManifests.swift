import Foundation
import EvidenceStorage
import GRDB
import NIOConcurrencyHelpers
import NQ57Runtime

/// The SHA-256 of every 1 MiB block of a file, taken from bytes known to match its name: by the
/// upload that stored them, or by a whole read that hashed to the name. With them a chunk of a
/// download is checked by reading only its own blocks, so a download costs one pass over the
/// file, not one per chunk. Kept in the service's database (so a restart keeps them) with the
/// files read lately in memory in front.
final class BlockManifests: Sendable {
    /// Bytes per block, as uploads take them.
    static let blockSize = BlockDigester.blockSize
    /// Bytes per digest.
    static let digestSize = 32

    private struct State {
        var digests: [String: [[UInt8]]] = [:]
        var order: [String] = []
    }

    private let state = NIOLockedValueBox(State())
    private let capacity: Int
    private let database: ServiceDatabase?

    /// Keeps the manifests in `database` (nil: in memory only), and those of at most
    /// `capacity` files in memory (the oldest go first).
    init(database: ServiceDatabase?, capacity: Int = 4096) {
        self.database = database
        self.capacity = capacity
    }

    /// The block digests of the file named `sha256`, if known.
    func digests(of sha256: String) async -> [[UInt8]]? {
        if let known = state.withLockedValue({ $0.digests[sha256] }) { return known }
        guard let database else { return nil }
        let found = try? await database.pool.read { db -> (blockSize: Int, blob: Data)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT block_size, digests FROM block_digests WHERE sha256 = ?", arguments: [sha256]),
                  let blob = row["digests"] as Data? else { return nil }
            return (row["block_size"], blob)
        }
        guard let found = found ?? nil, found.blockSize == Self.blockSize, found.blob.count % Self.digestSize == 0 else { return nil }
        let bytes = [UInt8](found.blob)
        let digests = stride(from: 0, to: bytes.count, by: Self.digestSize).map { Array(bytes[$0..<($0 + Self.digestSize)]) }
        remember(digests, for: sha256)
        return digests
    }

    /// Keeps `digests` for the file named `sha256`; a failure to write them only costs a whole
    /// read later.
    func store(_ digests: [[UInt8]], for sha256: String) async {
        remember(digests, for: sha256)
        guard let database, digests.allSatisfy({ $0.count == Self.digestSize }) else { return }
        let blob = Data(digests.joined())
        _ = try? await database.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO block_digests (sha256, block_size, digests) VALUES (?, ?, ?)",
                           arguments: [sha256, Self.blockSize, blob])
        }
    }

    /// Drops what is known of the file named `sha256` (it read wrong or could not be read):
    /// the next read takes the whole file again.
    func forget(_ sha256: String) async {
        state.withLockedValue { state in
            state.digests[sha256] = nil
            state.order.removeAll { $0 == sha256 }
        }
        guard let database else { return }
        _ = try? await database.pool.write { db in
            try db.execute(sql: "DELETE FROM block_digests WHERE sha256 = ?", arguments: [sha256])
        }
    }

    private func remember(_ digests: [[UInt8]], for sha256: String) {
        state.withLockedValue { state in
            if state.digests.updateValue(digests, forKey: sha256) == nil { state.order.append(sha256) }
            while state.order.count > capacity { state.digests[state.order.removeFirst()] = nil }
        }
    }
}
