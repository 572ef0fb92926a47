import NQ57Sheets

extension Sheet: ShapeDocumented {
    public static var fieldDocs: [String: String] {
        ["name": "the sheet's name", "columns": "the columns, in order", "rows": "the rows: one cell per column"]
    }
}

extension SheetColumn: ShapeDocumented {
    public static var fieldDocs: [String: String] {
        ["title": "header (Vietnamese)", "kind": "text, integer, decimal, percent (0–100), date or unit (ids; names beside them)",
         "rawTwin": "in CSV, the raw number follows in a column \"title (số)\""]
    }
}

extension SheetColumn.Kind: ShapeEnumerable {}

extension SheetCell: ShapeLeaf {
    /// null (empty), a string (text), a number, or {"date":"yyyy-MM-dd"}.
    public static var leafShape: TypeShape { .any }
}

extension Workbook: ShapeDocumented {
    public static var fieldDocs: [String: String] { ["title": "the workbook's title", "sheets": "its sheets, in tab order"] }
}
