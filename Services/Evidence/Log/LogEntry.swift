/// One leaf of the evidence log: an evidence file was stored, a review decision was made
/// about one, its bytes were found damaged or intact again, or its publication moved.
///
/// An entry is committed to the log through `leafBytes`, its canonical JSON text, so anyone
/// holding the entry can recompute its leaf hash. Its `Codable` form is the same JSON object
/// (a `kind` field plus the associated values, under their own names), so an entry sent over
/// the API can be checked as received.
public enum LogEntry: Sendable, Equatable {
    /// An evidence file was stored.
    ///
    /// - Parameters:
    ///   - evidenceId: the evidence record's id.
    ///   - sha256: the file's SHA-256, as the evidence store names it (lowercase hex).
    ///   - size: the file's length in bytes.
    ///   - unitId: the unit the evidence belongs to.
    ///   - at: when it was stored, in milliseconds since 1970-01-01T00:00:00Z.
    case stored(evidenceId: String, sha256: String, size: Int64, unitId: String, at: Int64)

    /// A reviewer decided about a piece of evidence.
    ///
    /// - Parameters:
    ///   - evidenceId: the evidence record's id.
    ///   - decision: the decision, as the review workflow names it.
    ///   - reviewer: the account that decided.
    ///   - at: when, in milliseconds since 1970-01-01T00:00:00Z.
    case review(evidenceId: String, decision: String, reviewer: String, at: Int64)

    /// The service found a file's bytes damaged (`corrupt`, `missing`) or, after that, intact
    /// again (`ok`).
    ///
    /// - Parameters:
    ///   - evidenceId: the evidence record's id.
    ///   - sha256: the object's name, which its bytes did or did not hash to.
    ///   - status: the file's new status: `corrupt`, `missing` or `ok`.
    ///   - foundBy: what found it: `read` or `scrub`.
    ///   - at: when, in milliseconds since 1970-01-01T00:00:00Z.
    case integrity(evidenceId: String, sha256: String, status: String, foundBy: String, at: Int64)

    /// A move in the review of a request to publish a file.
    ///
    /// - Parameters:
    ///   - evidenceId: the evidence record's id.
    ///   - move: the review move (`submit`, `accept`, `sendBack`, `withdraw`).
    ///   - state: the publication's state after it.
    ///   - by: the account that made it.
    ///   - reason: why (sent back, withdrawn); empty when none was given.
    ///   - at: when, in milliseconds since 1970-01-01T00:00:00Z.
    case publication(evidenceId: String, move: String, state: String, by: String, reason: String, at: Int64)

    /// The `kind` field's value: `"stored"`, `"review"`, `"integrity"` or `"publication"`.
    public var kind: String {
        switch self {
        case .stored: "stored"
        case .review: "review"
        case .integrity: "integrity"
        case .publication: "publication"
        }
    }

    /// The entry's fields as JSON members, `kind` included, in no particular order.
    var members: [(key: String, value: CanonicalJSON.Value)] {
        switch self {
        case let .stored(evidenceId, sha256, size, unitId, at):
            [("kind", .string(kind)), ("evidenceId", .string(evidenceId)), ("sha256", .string(sha256)),
             ("size", .integer(size)), ("unitId", .string(unitId)), ("at", .integer(at))]
        case let .review(evidenceId, decision, reviewer, at):
            [("kind", .string(kind)), ("evidenceId", .string(evidenceId)), ("decision", .string(decision)),
             ("reviewer", .string(reviewer)), ("at", .integer(at))]
        case let .integrity(evidenceId, sha256, status, foundBy, at):
            [("kind", .string(kind)), ("evidenceId", .string(evidenceId)), ("sha256", .string(sha256)),
             ("status", .string(status)), ("foundBy", .string(foundBy)), ("at", .integer(at))]
        case let .publication(evidenceId, move, state, by, reason, at):
            [("kind", .string(kind)), ("evidenceId", .string(evidenceId)), ("move", .string(move)),
             ("state", .string(state)), ("by", .string(by)), ("reason", .string(reason)), ("at", .integer(at))]
        }
    }
}
