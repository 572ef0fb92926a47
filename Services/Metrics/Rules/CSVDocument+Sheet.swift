import NQ57Sheets

extension CSVDocument {
    /// `sheet` as CSV for Excel: text as is, days dd/MM/yyyy, numbers with a decimal comma
    /// (whole numbers without one), and a number column marked `rawTwin` followed by its
    /// raw value (dot decimal) in a column "title (số)".
    public init(_ sheet: Sheet) {
        let header = sheet.columns.flatMap { column in column.rawTwin ? [column.title, "\(column.title) (số)"] : [column.title] }
        self.init(header: header)
        for row in sheet.rows {
            var record: [String] = []
            for (index, column) in sheet.columns.enumerated() {
                let cell = index < row.count ? row[index] : .empty
                record.append(Self.text(cell, kind: column.kind))
                if column.rawTwin {
                    if case .number(let value) = cell { record.append(String(value)) } else { record.append("") }
                }
            }
            append(record)
        }
    }

    private static func text(_ cell: SheetCell, kind: SheetColumn.Kind) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .date(let day): day.description
        case .number(let value) where kind == .integer && value == value.rounded() && abs(value) < 1e15: String(Int64(value))
        case .number(let value): VietnameseDecimal.format(value)
        }
    }
}
