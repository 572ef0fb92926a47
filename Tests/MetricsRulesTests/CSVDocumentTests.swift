import Foundation
import Testing
@testable import MetricsRules

@Suite("CSV for Excel")
struct CSVDocumentTests {
    @Test func bomCRLFAndQuoting() {
        var document = CSVDocument(header: ["Đơn vị", "Giá trị"])
        document.append(["Xã Tân Hòa", "61,45"])
        document.append(["Phường \"Mới\"", "dòng 1\ndòng 2"])
        document.append(["a\r\nb", "x;y"])
        #expect(document.render() == "\u{FEFF}Đơn vị,Giá trị\r\n"
            + "Xã Tân Hòa,\"61,45\"\r\n"
            + "\"Phường \"\"Mới\"\"\",\"dòng 1\ndòng 2\"\r\n"
            + "\"a\r\nb\",x;y\r\n")
    }

    @Test func otherSeparator() {
        let document = CSVDocument(header: ["a", "b"], rows: [["1,5", "x;y"]])
        #expect(document.render(separator: ";") == "\u{FEFF}a;b\r\n1,5;\"x;y\"\r\n")
    }

    @Test func quoteFollowedByACombiningMarkIsStillDoubled() {
        // A quote and a combining acute accent form one Character.
        #expect(CSVDocument.field("a\"\u{0301}b", separator: ",") == "\"a\"\"\u{0301}b\"")
    }

    @Test func vietnameseSurvivesInUTF8Bytes() {
        let document = CSVDocument(header: ["Tỉnh"], rows: [["Đắk Lắk"]])
        let bytes = [UInt8](document.data())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // "Đ" is U+0110, C4 90 in UTF-8; "ỉ" is U+1EC9, E1 BB 89.
        #expect(bytes.count == 3 + "Tỉnh\r\nĐắk Lắk\r\n".utf8.count)
        #expect(Array(bytes[4...6]) == [0xE1, 0xBB, 0x89])
        #expect(bytes.contains(0xC4) && bytes.contains(0x90))
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "Tỉnh\r\nĐắk Lắk\r\n")
        #expect(Array(bytes.suffix(2)) == [0x0D, 0x0A])
    }
}

@Suite("CSV formula injection")
struct CSVFormulaTests {
    @Test("text that Excel would run as a formula is defused; negative numbers are not")
    func defused() {
        let document = CSVDocument(header: ["a", "b", "c"], rows: [["=HYPERLINK(\"x\")", "-3,25", "@SUM(A1)"]])
        let lines = document.render().dropFirst().split(separator: "\r\n")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"x\"\")\",\"-3,25\",'@SUM(A1)")
    }
}
