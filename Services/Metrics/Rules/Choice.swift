/// A closed set of choices written as strings on the wire (`measure`, `direction` …), whose
/// decoding error names, in Vietnamese, the strings it accepts.
public protocol Choice: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension Choice {
    /// Reads one of the choices; anything else is a `dataCorrupted` error listing them.
    public static func decodeChoice(from decoder: any Decoder) throws -> Self {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription:
                "\"\(text)\" (chọn một trong: \(allCases.map(\.rawValue).joined(separator: ", "))).")
        }
        return value
    }
}
