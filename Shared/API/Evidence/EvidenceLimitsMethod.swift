/// One kind of file the evidence service accepts.
public struct EvidenceFileType: Codable, Sendable, Equatable, ShapeDocumented {
    /// The name people know it by: "PDF", "DOCX".
    public var name: String
    /// Its MIME type.
    public var mediaType: String
    /// The file name endings it usually has, with the dot: [".jpg", ".jpeg"].
    public var extensions: [String]
    public init(name: String, mediaType: String, extensions: [String]) {
        self.name = name
        self.mediaType = mediaType
        self.extensions = extensions
    }
    public static var fieldDocs: [String: String] {
        ["name": "the name people know it by", "mediaType": "MIME type", "extensions": "usual file name endings, with the dot"]
    }
}

/// What an upload must be to be accepted, for clients to show before anyone uploads.
public struct EvidenceUploadRules: Codable, Sendable, Equatable, ShapeDocumented {
    /// The largest file accepted, in bytes (the smallest is 1 byte).
    public var maxBytes: Int64
    /// The same in words: "100 MiB".
    public var maxSizeText: String
    /// The accepted kinds, in a stable order.
    public var types: [EvidenceFileType]
    /// The accepted kinds in Vietnamese: "PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument (DOC, DOCX, …)".
    public var typesText: String
    /// The rule as one Vietnamese sentence, the one refusals end with.
    public var summary: String
    /// The longest note, difficulty or reason accepted with a report, in characters.
    public var noteMaxCharacters: Int
    public init(maxBytes: Int64, maxSizeText: String, types: [EvidenceFileType], typesText: String, summary: String,
                noteMaxCharacters: Int = FreeText.maxCharacters) {
        self.maxBytes = maxBytes
        self.maxSizeText = maxSizeText
        self.types = types
        self.typesText = typesText
        self.summary = summary
        self.noteMaxCharacters = noteMaxCharacters
    }
    public static var fieldDocs: [String: String] {
        [
            "maxBytes": "largest file accepted, bytes", "maxSizeText": "the same in words", "types": "accepted kinds",
            "typesText": "accepted kinds in Vietnamese", "summary": "the whole rule as one Vietnamese sentence",
            "noteMaxCharacters": "longest note, difficulty or reason accepted, characters",
        ]
    }
}

/// `evidence.limits`: the size and types an upload must have, as the service enforces them.
public enum EvidenceLimits: APIMethod {
    public static let name = "evidence.limits"
    public static let summary = "The largest file and the kinds of file accepted as evidence, and the longest note, for clients to show before an upload."
    public static let policy = AccessPolicy.loggedIn
    public typealias Params = Empty
    public typealias Result = EvidenceUploadRules
}
