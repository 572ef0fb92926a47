@testable import EvidenceStorage

import Testing

/// Minimal leading bytes of each format, padded like the start of a real file.
private enum Prefix {
    static let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
    static let mp4: [UInt8] = [0x00, 0x00, 0x00, 0x20] + Array("ftypisom".utf8) + [0x00, 0x00, 0x02, 0x00]
    static let heic: [UInt8] = [0x00, 0x00, 0x00, 0x18] + Array("ftypheic".utf8) + [0x00, 0x00, 0x00, 0x00]
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]
    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00]
}

@Suite("Media type detection")
struct MediaTypeTests {
    @Test("Each format is recognised from its magic bytes", arguments: [
        (Prefix.pdf, "bao-cao.pdf", MediaType.pdf),
        (Prefix.jpeg, "anh-hien-truong.jpg", .jpeg),
        (Prefix.png, "so-do.png", .png),
        (Prefix.mp4, "video-hop.mp4", .mp4),
        (Prefix.zip, "Báo cáo.docx", .docx),
        (Prefix.zip, "chi-tieu.xlsx", .xlsx),
        (Prefix.zip, "trinh-chieu.pptx", .pptx),
        (Prefix.zip, "van-ban.odt", .odt),
        (Prefix.zip, "bang-tinh.ods", .ods),
        (Prefix.zip, "trinh-chieu.odp", .odp),
        (Prefix.ole, "cong-van.doc", .doc),
        (Prefix.ole, "so-lieu.xls", .xls),
        (Prefix.ole, "bai-giang.ppt", .ppt),
    ])
    func recognised(prefix: [UInt8], fileName: String, expected: MediaType) {
        #expect(MediaType.detect(prefix: prefix, fileName: fileName) == expected)
    }

    @Test("The bytes win over a misleading name", arguments: [
        (Prefix.png, "hop-dong.pdf", MediaType.png),
        (Prefix.pdf, "anh.jpg", .pdf),
        (Prefix.jpeg, "tai-lieu.docx", .jpeg),
        (Prefix.mp4, "bao-cao.pdf", .mp4),
    ])
    func misleadingExtension(prefix: [UInt8], fileName: String, expected: MediaType) {
        #expect(MediaType.detect(prefix: prefix, fileName: fileName) == expected)
    }

    @Test("Container formats use the extension, in any case and after any path")
    func containerExtensions() {
        #expect(MediaType.detect(prefix: Prefix.zip, fileName: "C:\\Tài liệu\\KẾ HOẠCH.DOCX") == .docx)
        #expect(MediaType.detect(prefix: Prefix.zip, fileName: "tai-lieu.zip") == .zip)
        #expect(MediaType.detect(prefix: Prefix.zip, fileName: "tai-lieu.pdf") == .zip)
        #expect(MediaType.detect(prefix: Prefix.zip, fileName: "docx") == .zip)
        #expect(MediaType.detect(prefix: Prefix.ole, fileName: "thu.msg") == .unknown)
        #expect(MediaType.detect(prefix: Prefix.ole, fileName: "bang.xlsx") == .unknown)
    }

    @Test("Unknown, too short, and still-image ISO files are not recognised")
    func unrecognised() {
        #expect(MediaType.detect(prefix: Array("MZ\u{90}\u{0}".utf8), fileName: "setup.pdf") == .unknown)
        #expect(MediaType.detect(prefix: [], fileName: "trong.pdf") == .unknown)
        #expect(MediaType.detect(prefix: [0x25, 0x50, 0x44], fileName: "cut.pdf") == .unknown)
        #expect(MediaType.detect(prefix: Array("<html>".utf8), fileName: "trang.pdf") == .unknown)
        #expect(MediaType.detect(prefix: Prefix.heic, fileName: "IMG_0001.mp4") == .unknown)
    }

    @Test("MIME types")
    func mimeTypes() {
        #expect(MediaType.pdf.mimeType == "application/pdf")
        #expect(MediaType.jpeg.mimeType == "image/jpeg")
        #expect(MediaType.png.mimeType == "image/png")
        #expect(MediaType.mp4.mimeType == "video/mp4")
        #expect(MediaType.docx.mimeType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(MediaType.xlsx.mimeType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(MediaType.pptx.mimeType == "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        #expect(MediaType.odt.mimeType == "application/vnd.oasis.opendocument.text")
        #expect(MediaType.ods.mimeType == "application/vnd.oasis.opendocument.spreadsheet")
        #expect(MediaType.odp.mimeType == "application/vnd.oasis.opendocument.presentation")
        #expect(MediaType.doc.mimeType == "application/msword")
        #expect(MediaType.xls.mimeType == "application/vnd.ms-excel")
        #expect(MediaType.ppt.mimeType == "application/vnd.ms-powerpoint")
        #expect(MediaType.zip.mimeType == "application/zip")
        #expect(MediaType.unknown.mimeType == "application/octet-stream")
    }
}
