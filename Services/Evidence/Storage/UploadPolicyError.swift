/// Why an upload was refused. ``message`` is the Vietnamese sentence to show the user; the
/// associated values carry the numbers and types for clients that build their own text.
public enum UploadPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is larger than `limit` bytes (`size` is what was received or announced).
    case tooLarge(size: Int64, limit: Int64)
    /// The file's type is not among `allowed`.
    case typeNotAllowed(MediaType, allowed: Set<MediaType>)

    /// The reason in Vietnamese, for people.
    public var message: String {
        switch self {
        case let .tooLarge(_, limit):
            "Tệp vượt quá giới hạn \(Self.formatted(bytes: limit))."
        case let .typeNotAllowed(type, allowed):
            "Loại tệp \"\(type.displayName)\" không được chấp nhận; chỉ nhận \(Self.listed(allowed))."
        }
    }

    /// Same as ``message``.
    public var description: String { message }

    /// A size in the largest binary unit that divides it: "100 MiB", "512 KiB", "1000 byte".
    static func formatted(bytes: Int64) -> String {
        let units: [(Int64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(name)"
        }
        return "\(bytes) byte"
    }

    /// The accepted types in Vietnamese, e.g. "PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument".
    /// All nine Office and OpenDocument types together are named as one group.
    static func listed(_ allowed: Set<MediaType>) -> String {
        let ordered = MediaType.allCases.filter { allowed.contains($0) }
        let office = MediaType.allCases.filter(\.isOfficeDocument)
        var names: [String]
        if office.allSatisfy(allowed.contains) {
            names = ordered.filter { !$0.isOfficeDocument }.map(\.displayName)
            names.append("tệp Office/OpenDocument")
        } else {
            names = ordered.map(\.displayName)
        }
        guard let last = names.popLast() else { return "không loại tệp nào" }
        return names.isEmpty ? last : names.joined(separator: ", ") + " và " + last
    }
}
