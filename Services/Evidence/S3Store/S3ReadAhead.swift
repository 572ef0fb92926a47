import NIOCore
import Synchronization

/// Ranged GETs started before they are asked for: when a reader takes a range of an object in
/// full, the ranges right after it are fetched while the first travels to the client, so a
/// download read chunk after chunk waits for the object store once, not once per chunk.
///
/// At most ``limit`` ranges are held (the oldest is cancelled first), so memory stays at a few
/// chunks whatever the number of downloads. A range a reader took in the last moment (held or
/// fetched by itself, when a client asks for several chunks at once) is not fetched ahead again.
final class S3ReadAhead: Sendable {
    struct Key: Hashable {
        var sha256: String
        var lower: Int64
        var upper: Int64
    }

    private struct Held {
        var fetches: [Key: BlockingBridge.Pending<ByteBuffer>] = [:]
        var order: [Key] = []
        /// Ranges readers took lately, and when.
        var taken: [Key: ContinuousClock.Instant] = [:]
    }

    private let held = Mutex(Held())
    /// How many ranges may be held at once.
    let limit: Int
    /// How long a range a reader took is not fetched ahead again.
    static let takenWindow = Duration.seconds(2)

    /// Holds at most `limit` ranges.
    init(limit: Int = 4) { self.limit = limit }

    /// The fetch started ahead that begins where `range` of `sha256` begins and covers it (the
    /// object's last chunk asks for less than was fetched ahead), taken out; nil when there is
    /// none (the reader then fetches it itself). Either way the range counts as taken.
    func take(_ sha256: String, range: ClosedRange<Int64>) -> BlockingBridge.Pending<ByteBuffer>? {
        held.withLock { held in
            let now = ContinuousClock.now
            held.taken = held.taken.filter { now - $0.value < Self.takenWindow }
            held.taken[Key(sha256: sha256, lower: range.lowerBound, upper: range.upperBound)] = now
            guard let key = held.order.first(where: { $0.sha256 == sha256 && $0.lower == range.lowerBound && $0.upper >= range.upperBound }),
                  let fetch = held.fetches.removeValue(forKey: key) else { return nil }
            held.order.removeAll { $0 == key }
            return fetch
        }
    }

    /// Starts `fetch` for `range` of `sha256` and holds it for a later ``take(_:range:)``, unless
    /// that range is held already or was taken lately; cancels the oldest held beyond the limit.
    func prefetch(_ sha256: String, range: ClosedRange<Int64>, _ fetch: () -> BlockingBridge.Pending<ByteBuffer>) {
        let key = Key(sha256: sha256, lower: range.lowerBound, upper: range.upperBound)
        let dropped = held.withLock { held -> [BlockingBridge.Pending<ByteBuffer>] in
            if held.fetches[key] != nil { return [] }
            if let when = held.taken[key], ContinuousClock.now - when < Self.takenWindow { return [] }
            held.fetches[key] = fetch()
            held.order.append(key)
            var dropped: [BlockingBridge.Pending<ByteBuffer>] = []
            while held.order.count > limit {
                let oldest = held.order.removeFirst()
                if let old = held.fetches.removeValue(forKey: oldest) { dropped.append(old) }
            }
            return dropped
        }
        dropped.forEach { $0.cancel() }
    }

    /// Drops every range held of `sha256` (its object changed or proved damaged).
    func forget(_ sha256: String) {
        let dropped = held.withLock { held -> [BlockingBridge.Pending<ByteBuffer>] in
            let keys = held.order.filter { $0.sha256 == sha256 }
            held.order.removeAll { $0.sha256 == sha256 }
            return keys.compactMap { held.fetches.removeValue(forKey: $0) }
        }
        dropped.forEach { $0.cancel() }
    }

    /// How many ranges are held now (for tests).
    var count: Int { held.withLock { $0.order.count } }
}
