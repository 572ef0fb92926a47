/// The kinds of evidence file the service knows, recognised from their first bytes by
/// ``detect(prefix:fileName:)``, never from their name alone.
public enum MediaType: String, Sendable, Hashable, CaseIterable, Codable {
    /// PDF document (signed reports, scanned decisions).
    case pdf
    /// JPEG photo.
    case jpeg
    /// PNG image.
    case png
    /// MP4 (ISO base media) video.
    case mp4
    /// Word document (Office Open XML).
    case docx
    /// Excel workbook (Office Open XML).
    case xlsx
    /// PowerPoint presentation (Office Open XML).
    case pptx
    /// OpenDocument text.
    case odt
    /// OpenDocument spreadsheet.
    case ods
    /// OpenDocument presentation.
    case odp
    /// Legacy Word document (OLE compound file).
    case doc
    /// Legacy Excel workbook (OLE compound file).
    case xls
    /// Legacy PowerPoint presentation (OLE compound file).
    case ppt
    /// A ZIP archive that is not an Office or OpenDocument file; not accepted by default.
    case zip
    /// Not recognised.
    case unknown

    /// The MIME type to send with the file.
    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .mp4: "video/mp4"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        case .ppt: "application/vnd.ms-powerpoint"
        case .zip: "application/zip"
        case .unknown: "application/octet-stream"
        }
    }

    /// The name people know the type by, for messages: "PDF", "DOCX", … and, for
    /// ``unknown``, "không xác định".
    public var displayName: String {
        self == .unknown ? "không xác định" : rawValue.uppercased()
    }

    /// Whether this is an Office or OpenDocument file (new or legacy format).
    public var isOfficeDocument: Bool {
        switch self {
        case .docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt: true
        case .pdf, .jpeg, .png, .mp4, .zip, .unknown: false
        }
    }
}
