/// Reading one string member of an object without decoding the rest: the gateway does this
/// on every call that names a unit or a backend, so it uses the scanner, not a decoder.
extension RawJSON {
    /// What a top-level member holds, as far as a string reader cares.
    public enum StringMember: Equatable, Sendable {
        /// No such member, or `null`.
        case absent
        /// A string.
        case string(String)
        /// Something other than a string.
        case notAString
    }

    /// The top-level member `key` of this object; `invalid_argument` if the bytes are not an object.
    public func stringMember(_ key: String) throws(RPCError) -> StringMember {
        do {
            return try buffer.withUnsafeReadableBytes { bytes throws(JSONScanError) -> StringMember in
                guard let member = try JSONScanner.scanObject(bytes).first(where: { $0.key == key }) else { return .absent }
                let value = UnsafeRawBufferPointer(rebasing: bytes[member.value])
                switch JSONScanner.kind(of: value) {
                case .null: return .absent
                case .string: return .string(try JSONScanner.decodeString(value))
                default: return .notAString
                }
            }
        } catch {
            throw RPCError(.invalidArgument, "Tham số không phải JSON hợp lệ.", details: ["field": "params"])
        }
    }
}
