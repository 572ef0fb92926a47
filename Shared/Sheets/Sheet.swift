/// A table with typed cells: one sheet of a workbook, one CSV file, one table on screen.
///
/// Services and the command line build tables once; CSV, XLSX and text renderings read them.
public struct Sheet: Sendable, Equatable, Codable {
    /// The sheet's name (a workbook tab; shortened and cleaned by the XLSX writer as Excel requires).
    public var name: String
    /// The columns, in order.
    public var columns: [SheetColumn]
    /// The rows; each has at most one cell per column (missing cells are empty).
    public var rows: [[SheetCell]]

    /// A sheet named `name` with these columns and rows.
    public init(name: String, columns: [SheetColumn], rows: [[SheetCell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Adds a row at the end.
    public mutating func append(_ row: [SheetCell]) {
        rows.append(row)
    }
}

/// Sheets that belong together in one file, in tab order.
public struct Workbook: Sendable, Equatable, Codable {
    /// The sheets.
    public var sheets: [Sheet]
    /// The title recorded in the file's properties.
    public var title: String

    /// A workbook of `sheets`.
    public init(title: String, sheets: [Sheet]) {
        self.title = title
        self.sheets = sheets
    }
}

extension Sheet {
    /// The sheet without the column titled `title` (the same day on every row reads better once, above a table).
    public func removingColumn(titled title: String) -> Sheet {
        guard let index = columns.firstIndex(where: { $0.title == title }) else { return self }
        var sheet = self
        sheet.columns.remove(at: index)
        sheet.rows = rows.map { row in
            var row = row
            if index < row.count { row.remove(at: index) }
            return row
        }
        return sheet
    }
}
