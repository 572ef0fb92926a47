import Foundation
import Synchronization

/// When each leftover `.part` file was first seen unchanged, by the clock of whoever sweeps
/// (the service's clock), so that leftovers are judged by that clock and not by the file
/// system's modification times, which are wall time. A file whose size changed since the last
/// sweep (another process still writing it) is seen afresh.
final class LeftoverWatch: Sendable {
    private struct Sighting {
        var size: Int64
        var since: Date
    }

    private let sightings = Mutex<[String: Sighting]>([:])

    /// Records that file `name` has `size` bytes at `now`; returns since when it has been
    /// unchanged (`now` for a file new or changed since the last look).
    func unchangedSince(_ name: String, size: Int64, now: Date) -> Date {
        sightings.withLock { sightings in
            if let seen = sightings[name], seen.size == size { return seen.since }
            sightings[name] = Sighting(size: size, since: now)
            return now
        }
    }

    /// Forgets every file not in `names` (removed, finished or gone).
    func keepOnly(_ names: Set<String>) {
        sightings.withLock { sightings in sightings = sightings.filter { names.contains($0.key) } }
    }
}
