extension MediaType {
    /// How many leading bytes ``detect(prefix:fileName:)`` looks at. Give it at least this
    /// many (all of them for a shorter file): the first chunk of an upload is enough.
    public static let prefixLength = 16

    /// The type of a file from its first bytes (magic numbers), whatever its name says.
    ///
    /// The name matters only where the bytes cannot tell: Office Open XML and OpenDocument
    /// files are all ZIP archives, and legacy Office files are all OLE compound files, so
    /// among those the extension picks the type. A ZIP whose extension is not docx, xlsx,
    /// pptx, odt, ods or odp is ``zip``; an OLE file not named doc, xls or ppt is
    /// ``unknown``. A PNG named `.pdf` is a PNG.
    ///
    /// Files with `ftyp` at offset 4 are MP4, except those whose brand marks a still image
    /// (HEIF/HEIC, AVIF), which are ``unknown``.
    public static func detect(prefix: [UInt8], fileName: String) -> MediaType {
        if prefix.starts(with: Magic.pdf) { return .pdf }
        if prefix.starts(with: Magic.jpeg) { return .jpeg }
        if prefix.starts(with: Magic.png) { return .png }
        if prefix.count >= 8, prefix[4..<8].elementsEqual(Magic.ftyp) {
            let brand = prefix.count >= 12 ? String(decoding: prefix[8..<12], as: UTF8.self) : ""
            return Magic.stillImageBrands.contains(brand) ? .unknown : .mp4
        }
        if prefix.starts(with: Magic.zip) {
            switch fileExtension(fileName) {
            case "docx": return .docx
            case "xlsx": return .xlsx
            case "pptx": return .pptx
            case "odt": return .odt
            case "ods": return .ods
            case "odp": return .odp
            default: return .zip
            }
        }
        if prefix.starts(with: Magic.oleCompound) {
            switch fileExtension(fileName) {
            case "doc": return .doc
            case "xls": return .xls
            case "ppt": return .ppt
            default: return .unknown
            }
        }
        return .unknown
    }

    /// The lowercased extension of the last component of `fileName`, after sanitising it
    /// like the name stored with the file; empty when there is none.
    static func fileExtension(_ fileName: String) -> String {
        let name = FileNameSanitizer.sanitize(fileName)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// Leading bytes of the recognised formats.
private enum Magic {
    /// `%PDF-`
    static let pdf: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x2D]
    /// JPEG start of image and the first marker.
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    /// The PNG signature.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// `ftyp`, the first box type of ISO base media files, at offset 4.
    static let ftyp: [UInt8] = Array("ftyp".utf8)
    /// `PK\u{3}\u{4}`: a ZIP local file header.
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The OLE compound file signature of legacy Office files.
    static let oleCompound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// `ftyp` major brands of still images (HEIF, HEIC, AVIF), which are not videos.
    static let stillImageBrands: Set<String> = [
        "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "avif", "avis",
    ]
}
