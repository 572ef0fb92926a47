import Synchronization

/// The ids of the uploads this process has open, so that cleaning up leftovers never
/// removes the file of an upload still in progress.
final class ActiveUploads: Sendable {
    private let ids = Mutex<Set<String>>([])

    /// Records that upload `id` is open.
    func insert(_ id: String) {
        _ = ids.withLock { $0.insert(id) }
    }

    /// Records that upload `id` is closed.
    func remove(_ id: String) {
        _ = ids.withLock { $0.remove(id) }
    }

    /// Whether upload `id` is open.
    func contains(_ id: String) -> Bool {
        ids.withLock { $0.contains(id) }
    }
}
