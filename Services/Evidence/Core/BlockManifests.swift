import NIOConcurrencyHelpers

/// The SHA-256 of every 1 MiB block of the files read lately, taken while a whole file was
/// read and found to match its name. With them a chunk of a download is checked by reading
/// only its own blocks, so a download costs one pass over the file, not one per chunk.
/// Kept in memory only (derived from verified bytes; rebuilt by the next full read).
final class BlockManifests: Sendable {
    /// Bytes per block.
    static let blockSize = 1 << 20

    private struct State {
        var digests: [String: [[UInt8]]] = [:]
        var order: [String] = []
    }

    private let state = NIOLockedValueBox(State())
    private let capacity: Int

    /// Keeps the manifests of at most `capacity` files (the oldest go first).
    init(capacity: Int = 4096) { self.capacity = capacity }

    func digests(of sha256: String) -> [[UInt8]]? {
        state.withLockedValue { $0.digests[sha256] }
    }

    func store(_ digests: [[UInt8]], for sha256: String) {
        state.withLockedValue { state in
            if state.digests.updateValue(digests, forKey: sha256) == nil { state.order.append(sha256) }
            while state.order.count > capacity { state.digests[state.order.removeFirst()] = nil }
        }
    }

    func forget(_ sha256: String) {
        state.withLockedValue { state in
            state.digests[sha256] = nil
            state.order.removeAll { $0 == sha256 }
        }
    }
}
