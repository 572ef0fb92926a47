import Foundation
import NQ57Calendar
import NQ57Sheets
import Testing
@testable import NQ57XLSX

@Suite("XLSX writer")
struct XLSXWriterTests {
    static let tasks = Sheet(name: "Nhiệm vụ", columns: [
        SheetColumn("Đơn vị"), SheetColumn("Mã đơn vị"), SheetColumn("Tiến độ (%)", .percent),
        SheetColumn("Số lượng", .integer), SheetColumn("Giá trị", .decimal), SheetColumn("Thời hạn", .date),
    ], rows: [
        [.text("Xã Bình Tân"), .text("vn-75-25349"), .number(63.706_622_7), .integer(1_234), .number(1_234.5), .day("2026-11-30")],
        [.text("Phòng Văn hóa - Xã hội <VH&XH> \"A\""), .text("vn-75-25349-vhxh"), .empty, .integer(0), .number(-0.25), .day("2025-01-01")],
    ])

    @Test("A workbook has every part Excel needs, each well-formed XML")
    func partsArePresentAndWellFormed() throws {
        let reader = try WorkbookReader(XLSXWriter.data(Workbook(title: "Báo cáo", sheets: [Self.tasks, Self.tasks])))
        #expect(reader.paths == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
                                 "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        for path in reader.paths { #expect(try reader.isWellFormed(path), "\(path)") }
        #expect(try reader.text("[Content_Types].xml").contains("/xl/worksheets/sheet2.xml"))
        #expect(try reader.text("xl/_rels/workbook.xml.rels").contains(#"Target="worksheets/sheet2.xml""#))
    }

    @Test("Vietnamese text reads back as written, in NFC, with markup characters escaped")
    func textReadsBack() throws {
        let decomposed = "Xã Bình Tân".decomposedStringWithCanonicalMapping
        var sheet = Self.tasks
        sheet.rows[0][0] = .text(decomposed)
        let cells = try WorkbookReader(XLSXWriter.data(Workbook(title: "T", sheets: [sheet]))).cells("xl/worksheets/sheet1.xml")
        #expect(cells["A1"] == CellReading(type: "inlineStr", style: 1, value: "Đơn vị"))
        #expect(cells["A2"]?.value.unicodeScalars.elementsEqual("Xã Bình Tân".precomposedStringWithCanonicalMapping.unicodeScalars) == true)
        #expect(cells["A3"]?.value == "Phòng Văn hóa - Xã hội <VH&XH> \"A\"")
        #expect(cells["B3"]?.type == "inlineStr")
    }

    @Test("Numbers are typed cells holding the exact value, with the column's format")
    func numbersAreTyped() throws {
        let cells = try WorkbookReader(XLSXWriter.data(Workbook(title: "T", sheets: [Self.tasks]))).cells("xl/worksheets/sheet1.xml")
        #expect(cells["C2"] == CellReading(type: nil, style: SpreadsheetParts.Style.percent.rawValue, value: "63.7066227"))
        #expect(cells["D2"] == CellReading(type: nil, style: SpreadsheetParts.Style.integer.rawValue, value: "1234"))
        #expect(cells["E2"] == CellReading(type: nil, style: SpreadsheetParts.Style.decimal.rawValue, value: "1234.5"))
        #expect(cells["E3"]?.value == "-0.25")
        #expect(cells["C3"] == nil, "an empty cell is left out")
    }

    @Test("Days are day serials of the 1900 system with a dd/mm/yyyy format")
    func daysAreSerials() throws {
        let cells = try WorkbookReader(XLSXWriter.data(Workbook(title: "T", sheets: [Self.tasks]))).cells("xl/worksheets/sheet1.xml")
        #expect(cells["F2"] == CellReading(type: nil, style: SpreadsheetParts.Style.date.rawValue, value: "46356"))
        #expect(cells["F3"]?.value == "45658")
        #expect(SpreadsheetParts.styles.contains(#"formatCode="dd/mm/yyyy""#))
    }

    @Test("Sheet names are cut to 31 characters, cleaned of []:*?/\\ and made unique")
    func sheetNamesAreValid() throws {
        let long = "Cảnh báo đỏ và giải trình của đơn vị trực thuộc"
        let names = [long, long, "KPI: 2026/Q4", "", "'x'"]
        let workbook = Workbook(title: "T", sheets: names.map { Sheet(name: $0, columns: [SheetColumn("A")]) })
        let read = try WorkbookReader(XLSXWriter.data(workbook)).sheetNames()
        #expect(read.count == 5)
        #expect(read.allSatisfy { $0.count <= 31 && !$0.contains(where: { "[]:*?/\\".contains($0) }) && !$0.isEmpty })
        #expect(Set(read.map { $0.lowercased() }).count == 5)
        #expect(read[2] == "KPI- 2026-Q4")
        #expect(read[4] == "x")
    }

    @Test("Column letters run A…Z, AA…; control characters XML forbids are dropped")
    func referencesAndControls() {
        #expect(CellReference.column(0) == "A")
        #expect(CellReference.column(25) == "Z")
        #expect(CellReference.column(26) == "AA")
        #expect(CellReference.column(701) == "ZZ")
        #expect(CellReference.column(702) == "AAA")
        #expect(XMLText.escaped("a\u{0}b\u{1B}c\td") == "abc\td")
        #expect(XMLText.cell(String(repeating: "x", count: 40_000)).count == XMLText.cellLimit)
    }

    @Test("The header row is frozen, filtered and repeated on every printed page")
    func headerRowIsKept() throws {
        let reader = try WorkbookReader(XLSXWriter.data(Workbook(title: "T", sheets: [Self.tasks])))
        let sheet = try reader.text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"state="frozen""#))
        #expect(sheet.contains(#"<autoFilter ref="A1:F3"/>"#))
        #expect(try reader.text("xl/workbook.xml").contains("'Nhiệm vụ'!$1:$1"))
    }
}
