import NQ57Calendar
import NQ57Sheets

/// The XML parts of an Office Open XML workbook (ECMA-376, SpreadsheetML), as text.
///
/// Cells hold inline strings, numbers and day serials; styles give the header row, thousands
/// separators, decimals and dd/mm/yyyy dates, so Excel and LibreOffice show typed cells.
enum SpreadsheetParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Style indexes in `styles.xml`'s `cellXfs`.
    enum Style: Int {
        case plain = 0, header, integer, decimal, percent, date, wrapped
    }

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + sheets + "</Types>"
    }

    static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + "</Relationships>"

    static func coreProperties(title: String, created: String) -> String {
        declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(XMLText.escaped(title))</dc:title><dc:creator>nq57</dc:creator>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(created)</dcterms:created>"#
            + "</cp:coreProperties>"
    }

    /// The workbook: its sheets, and each sheet's header row repeated on every printed page.
    static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map { index, name in
            #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        let titles = sheetNames.enumerated().map { index, name in
            #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">'\#(XMLText.escaped(name.replacingOccurrences(of: "'", with: "''")))'!$1:$1</definedName>"#
        }.joined()
        return declaration
            + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + "<sheets>\(sheets)</sheets><definedNames>\(titles)</definedNames></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (0..<sheetCount).map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        return declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Formats: 3 is the built-in "#,##0"; 164 decimals, 165 one-decimal percentages (of 0–100), 166 days.
    static let styles = declaration
        + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + ##"<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.###"/><numFmt numFmtId="165" formatCode="0.0"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy"/></numFmts>"##
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDE6F0"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="7">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
        + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    /// One worksheet: a frozen, filtered header row, column widths from the content, typed cells.
    static func worksheet(_ sheet: Sheet) -> String {
        let columnCount = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0, 1)
        let widths = columnWidths(sheet, count: columnCount)
        let cols = widths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }.joined()
        var rows = [row(1, sheet.columns.map { .text($0.title) }, style: { _ in .header })]
        for (index, cells) in sheet.rows.enumerated() {
            rows.append(row(index + 2, cells, style: { column in
                style(for: column < sheet.columns.count ? sheet.columns[column].kind : .text, cell: cells[column])
            }))
        }
        let lastCell = CellReference.cell(column: columnCount - 1, row: sheet.rows.count + 1)
        return declaration
            + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<dimension ref="A1:\#(lastCell)"/>"#
            + #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/>"#
            + "<cols>\(cols)</cols>"
            + "<sheetData>\(rows.joined())</sheetData>"
            + #"<autoFilter ref="A1:\#(lastCell)"/>"#
            + #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
            + "</worksheet>"
    }

    private static func row(_ number: Int, _ cells: [SheetCell], style: (Int) -> Style) -> String {
        var xml = #"<row r="\#(number)">"#
        for (column, cell) in cells.enumerated() {
            let reference = CellReference.cell(column: column, row: number)
            let styleIndex = style(column).rawValue
            let styleAttribute = styleIndex == 0 ? "" : #" s="\#(styleIndex)""#
            switch cell {
            case .empty:
                continue
            case .text(let text):
                xml += #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t xml:space="preserve">\#(XMLText.cell(text))</t></is></c>"#
            case .number(let value) where value.isFinite:
                xml += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(numberText(value))</v></c>"#
            case .number:
                xml += #"<c r="\#(reference)" t="inlineStr"><is><t>không phải số</t></is></c>"#
            case .date(let day):
                xml += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(serial(day))</v></c>"#
            }
        }
        return xml + "</row>"
    }

    private static func style(for kind: SheetColumn.Kind, cell: SheetCell) -> Style {
        switch (kind, cell) {
        case (_, .date): .date
        case (.integer, .number): .integer
        case (.percent, .number): .percent
        case (.decimal, .number), (.text, .number), (.date, .number): .decimal
        case (_, .text(let text)) where text.count > 60: .wrapped
        default: .plain
        }
    }

    /// A number as SpreadsheetML writes it: the shortest form that reads back the same, never in exponent form for whole numbers.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Excel's day serial (1900 date system): days since 30/12/1899.
    static func serial(_ day: Day) -> Int {
        Day(year: 1899, month: 12, day: 30)!.daysUntil(day)
    }

    /// Widths in characters from the longest text of each column (header included), between 8 and 60.
    private static func columnWidths(_ sheet: Sheet, count: Int) -> [Int] {
        (0..<count).map { column in
            let header = column < sheet.columns.count ? sheet.columns[column].title.count : 0
            let longest = sheet.rows.lazy.map { row -> Int in
                guard column < row.count else { return 0 }
                switch row[column] {
                case .empty: return 0
                case .text(let text): return text.count
                case .number: return 12
                case .date: return 10
                }
            }.max() ?? 0
            return min(max(header, longest, 6) + 2, 60)
        }
    }
}
