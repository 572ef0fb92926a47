@testable import EvidenceStorage

import Testing

@Suite("File name sanitiser")
struct FileNameSanitizerTests {
    @Test("Only the last path component is kept, with / or \\ as separators", arguments: [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\a\\Báo cáo.pdf", "Báo cáo.pdf"),
        ("/var/tmp/", "tmp"),
        ("thư mục\\con/ảnh.jpg", "ảnh.jpg"),
        ("..\\..\\windows\\system.ini", "system.ini"),
    ])
    func lastComponent(input: String, expected: String) {
        #expect(FileNameSanitizer.sanitize(input) == expected)
    }

    @Test("Names that are nothing, dots or separators get the fallback name", arguments: [
        "", "   ", ".", "..", "/", "\\\\", "../..", "\u{0}\u{1}\u{7F}", " .. ", "\u{202E}",
    ])
    func fallback(input: String) {
        #expect(FileNameSanitizer.sanitize(input) == "tep-minh-chung")
    }

    @Test("Control characters, NUL and bidirectional overrides are removed")
    func controls() {
        #expect(FileNameSanitizer.sanitize("bao\u{0}cao\u{1B}[31m.pdf") == "baocao[31m.pdf")
        #expect(FileNameSanitizer.sanitize("hoadon\u{202E}fdp.exe") == "hoadonfdp.exe")
        #expect(FileNameSanitizer.sanitize("a\u{200B}b\u{FEFF}.png") == "ab.png")
    }

    @Test("Whitespace runs, tabs and newlines included, become one space, trimmed")
    func whitespace() {
        #expect(FileNameSanitizer.sanitize("  Kế   hoạch\t\tnăm\n2025 .docx  ") == "Kế hoạch năm 2025 .docx")
        #expect(FileNameSanitizer.sanitize("Biên\u{00A0}bản\u{3000}họp.pdf") == "Biên bản họp.pdf")
    }

    @Test("NFD input comes out NFC, scalar for scalar")
    func nfc() {
        let decomposed = "Ba\u{0301}o ca\u{0301}o tie\u{0302}\u{0301}n đo\u{0323}\u{0302}.pdf"
        let result = FileNameSanitizer.sanitize(decomposed)
        #expect(Array(result.unicodeScalars) == Array("B\u{E1}o c\u{E1}o ti\u{1EBF}n \u{111}\u{1ED9}.pdf".unicodeScalars))
        #expect(result.unicodeScalars.count == 19)
    }

    @Test("A mark separated from its letter by a removed character still composes")
    func nfcAfterRemoval() {
        let result = FileNameSanitizer.sanitize("Ba\u{200B}\u{0301}o.pdf")
        #expect(Array(result.unicodeScalars) == Array("B\u{E1}o.pdf".unicodeScalars))
    }

    @Test("Vietnamese names pass unchanged")
    func vietnamese() {
        let name = "Báo cáo tổng kết Nghị quyết 57 – đợt 1 (Ủy ban nhân dân xã Phước Thiền).docx"
        #expect(Array(FileNameSanitizer.sanitize(name).unicodeScalars) == Array(name.unicodeScalars))
    }

    @Test("A 300-character name is cut to 120 characters keeping .pdf")
    func longName() {
        let name = String(repeating: "Báo cáo ", count: 37) + "cuối.pdf"
        #expect(name.count > 300)
        let result = FileNameSanitizer.sanitize(name)
        #expect(result.count == 120 || (result.count == 119 && result.dropLast(4).last != " "))
        #expect(result.hasSuffix(".pdf"))
        #expect(!result.dropLast(4).hasSuffix(" "))
        #expect(result.hasPrefix("Báo cáo Báo cáo"))

        let plain = String(repeating: "ệ", count: 300) + ".pdf"
        let cut = FileNameSanitizer.sanitize(plain)
        #expect(cut.count == 120)
        #expect(cut == String(repeating: "ệ", count: 116) + ".pdf")
    }

    @Test("A long name without a usable extension is cut to 120 characters")
    func longWithoutExtension() {
        #expect(FileNameSanitizer.sanitize(String(repeating: "x", count: 300)).count == 120)
        let oddExtension = "a." + String(repeating: "b", count: 200)
        #expect(FileNameSanitizer.sanitize(oddExtension) == "a." + String(repeating: "b", count: 118))
    }

    @Test("Characters piled with combining marks cannot make a name huge")
    func combiningFlood() {
        let flood = "a" + String(repeating: "\u{0301}\u{0323}", count: 5000) + ".pdf"
        let result = FileNameSanitizer.sanitize(flood)
        #expect(result.unicodeScalars.count <= 480)
        #expect(!result.isEmpty)
    }

    @Test("Short names are never longer than 120 characters and never empty", arguments: [
        "a", "ảnh.jpg", String(repeating: "Đ", count: 120), String(repeating: "Đ", count: 121),
    ])
    func bounds(input: String) {
        let result = FileNameSanitizer.sanitize(input)
        #expect(!result.isEmpty)
        #expect(result.count <= 120)
    }
}
