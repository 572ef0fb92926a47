/// What the service accepts as evidence: which types, and how large.
///
/// Check the type once the first bytes arrived (``MediaType/detect(prefix:fileName:)``),
/// and the size when the client announces it and again before every append, so that an
/// oversized file is refused without being stored.
public struct UploadPolicy: Sendable, Equatable {
    /// The types accepted unless told otherwise: PDF, JPEG, PNG, MP4, and the Office and
    /// OpenDocument formats. Plain ZIP archives and unknown files are not.
    public static let defaultAllowed: Set<MediaType> = [
        .pdf, .jpeg, .png, .mp4, .docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt,
    ]

    /// The default size limit: 100 MiB.
    public static let defaultMaxBytes: Int64 = 100 << 20

    /// The accepted types.
    public var allowed: Set<MediaType>
    /// The largest accepted file, in bytes.
    public var maxBytes: Int64

    /// A policy; both values default to the service's defaults.
    public init(allowed: Set<MediaType> = Self.defaultAllowed, maxBytes: Int64 = Self.defaultMaxBytes) {
        self.allowed = allowed
        self.maxBytes = maxBytes
    }

    /// Refuses a type that is not allowed.
    ///
    /// - Throws: ``UploadPolicyError/typeNotAllowed(_:allowed:)``.
    public func check(mediaType: MediaType) throws(UploadPolicyError) {
        guard allowed.contains(mediaType) else { throw .typeNotAllowed(mediaType, allowed: allowed) }
    }

    /// Refuses a size above ``maxBytes``; exactly ``maxBytes`` is accepted.
    ///
    /// - Throws: ``UploadPolicyError/tooLarge(size:limit:)``.
    public func check(size: Int64) throws(UploadPolicyError) {
        guard size <= maxBytes else { throw .tooLarge(size: size, limit: maxBytes) }
    }
}
