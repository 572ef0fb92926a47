/// The id of a request, kept as its JSON text (an integer or a string) so that a reply
/// echoes exactly what the caller sent.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The JSON text of the id: `7` or `"a-1"`.
    public let json: String

    /// An id made from its JSON text; the envelope decoder checks the text first.
    init(json: String) { self.json = json }

    /// A numeric id, as clients generate them.
    public init(_ value: UInt64) { self.json = String(value) }

    /// The numeric value, when the id is a non-negative integer.
    public var number: UInt64? { UInt64(json) }

    /// `null`: the id of a reply to a request whose id could not be read.
    public static let null = MessageID(json: "null")

    public var description: String { json }
}
