import EvidenceStorage
import NQ57API
#if canImport(Glibc)
import Glibc
#endif

/// What one scrub found, object by object.
struct ScrubSurvey: Sendable {
    /// Objects in the store.
    var total = 0
    /// Objects checked.
    var checked = 0
    /// The status each checked object's bytes show.
    var found: [String: FileStatus] = [:]
    /// Objects that could not be read, with the error.
    var unreadable: [String: BlobError] = [:]

    /// Verifies `hash` in `store` and records what it shows.
    mutating func check(_ hash: String, in store: any BlobStore) {
        do {
            switch try store.verify(hash) {
            case .intact: found[hash] = .ok
            case .corrupt: found[hash] = .corrupt
            case .missing: found[hash] = .missing
            }
        } catch let error as BlobError {
            unreadable[hash] = error
        } catch {
            unreadable[hash] = .io(operation: "verify", path: hash, code: EIO)
        }
    }
}
