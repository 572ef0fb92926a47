import Foundation
import NQ57Sheets
@preconcurrency import ZIPFoundation

/// Writes workbooks as XLSX files (Office Open XML) that Excel and LibreOffice open: one
/// worksheet per sheet, Vietnamese text as is (UTF-8, NFC), numbers and days as typed cells.
public enum XLSXWriter {
    /// A failure to build the file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The bytes of an XLSX file holding `workbook`; `created` is recorded in its properties.
    public static func data(_ workbook: Workbook, created: Date = Date()) throws -> Data {
        let sheets = workbook.sheets.isEmpty ? [Sheet(name: workbook.title, columns: [])] : workbook.sheets
        let names = SheetNames.valid(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", SpreadsheetParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", SpreadsheetParts.packageRelationships),
            ("docProps/core.xml", SpreadsheetParts.coreProperties(title: workbook.title, created: timestamp(created))),
            ("xl/workbook.xml", SpreadsheetParts.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", SpreadsheetParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", SpreadsheetParts.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", SpreadsheetParts.worksheet(sheet)))
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw Failure(description: "Không tạo được tệp XLSX: \(error)")
        }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            do {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw Failure(description: "Không ghi được phần \(path) của tệp XLSX: \(error)")
            }
        }
        guard let data = archive.data else { throw Failure(description: "Không tạo được tệp XLSX.") }
        return data
    }

    /// The file's media type.
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
