extension LogEntry {
    /// The canonical encoding of the entry, which is what the log hashes as the leaf:
    /// one JSON object, UTF-8, with
    ///
    /// - the members `kind` (`"stored"`, `"review"`, `"integrity"` or `"publication"`) and the case's associated values under
    ///   their Swift names, and no others;
    /// - members sorted by the UTF-8 bytes of their names; no whitespace anywhere;
    /// - integers in plain base 10 (`-` only when negative, no leading zeros, no exponent);
    /// - strings as their exact Unicode scalars in UTF-8, with no normalisation: only `"` and
    ///   `\` are escaped (`\"`, `\\`), and the control characters U+0000–U+001F (`\b \t \n \f
    ///   \r` for those five, `\u00XX` with lowercase hex for the rest). `/` and non-ASCII
    ///   characters are written as they are.
    ///
    /// For example:
    ///
    ///     {"at":1751700000000,"evidenceId":"ev-1","kind":"stored","sha256":"ab…","size":1024,"unitId":"xa-binh-an"}
    ///     {"at":1751700000000,"decision":"approved","evidenceId":"ev-1","kind":"review","reviewer":"cv.binhtan"}
    ///
    /// This coincides with RFC 8785 (JCS) for these values, integers up to 2^53 in magnitude.
    public var leafBytes: [UInt8] {
        CanonicalJSON.object(members)
    }

    /// The RFC 6962 leaf hash of `leafBytes`: SHA-256(0x00 || leafBytes).
    public var leafHash: Digest {
        MerkleHash.leaf(leafBytes)
    }
}
