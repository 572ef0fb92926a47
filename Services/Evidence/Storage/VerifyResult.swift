/// The state of a stored object, found by reading all of it: see ``BlobStore/verify(_:)``.
public enum VerifyResult: Sendable, Hashable {
    /// The bytes still hash to the object's name.
    case intact
    /// The bytes changed; `actual` is the hash they have now (lowercase hexadecimal).
    case corrupt(actual: String)
    /// No object has this hash.
    case missing
}
