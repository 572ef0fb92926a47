import ArgumentParser
import Foundation
import MetricsRules
import NQ57Sheets
import NQ57XLSX

/// The file formats a table is exported in.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx

    /// The file extension.
    var fileExtension: String { rawValue }

    /// Writes `workbook` at `path`: an XLSX with one sheet per table, or (CSV) its first sheet.
    func write(_ workbook: Workbook, to path: String) throws {
        let data: Data
        switch self {
        case .xlsx: data = try XLSXWriter.data(workbook)
        case .csv: data = CSVDocument(workbook.sheets.first ?? Sheet(name: "", columns: [])).data()
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// `name` with this format's extension instead of any other.
    func fileName(_ name: String) -> String {
        let stem = name.hasSuffix(".csv") || name.hasSuffix(".xlsx") ? String(name[..<name.lastIndex(of: ".")!]) : name
        return "\(stem).\(fileExtension)"
    }
}
