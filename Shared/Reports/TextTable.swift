import MetricsRules
import NQ57Sheets

/// A table as aligned text for a terminal, as `nq57 status` prints its own: an upper-case
/// header, each column as wide as its widest cell (at most `maxWidth`, longer cells end in "…"),
/// the last column as is; numbers the Vietnamese way (1.234,5), percentages with one decimal.
public enum TextTable {
    /// The widest a column other than the last may be.
    public static let maxWidth = 48

    /// `sheet` as lines of aligned columns.
    public static func render(_ sheet: Sheet) -> String {
        let header = sheet.columns.map { $0.title.uppercased() }
        let body = sheet.rows.map { row in
            sheet.columns.indices.map { index in display(index < row.count ? row[index] : .empty, kind: sheet.columns[index].kind) }
        }
        return render(header: header, rows: body)
    }

    /// Rows of text under `header`, aligned; `limits` narrows chosen columns (by index) below `maxWidth`.
    public static func render(header: [String], rows: [[String]], limits: [Int: Int] = [:]) -> String {
        let count = header.count
        let widths = (0..<count).map { column in
            min(limits[column] ?? maxWidth, ([header] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0)
        }
        return ([header] + rows).map { row in
            (0..<count).map { column -> String in
                let text = column < row.count ? row[column] : ""
                guard column < count - 1 else { return text }
                let cut = text.count > widths[column] ? String(text.prefix(widths[column] - 1)) + "…" : text
                return cut.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    /// A cell as a person reads it: rounded numbers with thousands separators, days dd/MM/yyyy, "-" for nothing.
    public static func display(_ cell: SheetCell, kind: SheetColumn.Kind) -> String {
        switch cell {
        case .empty: "-"
        case .text(let text): text.isEmpty ? "-" : text
        case .date(let day): day.description
        case .number(let value):
            switch kind {
            case .percent: VietnameseDecimal.format(value, maxFractionDigits: 1) + "%"
            case .integer: VietnameseDecimal.format(value, maxFractionDigits: 0)
            default: VietnameseDecimal.format(value, maxFractionDigits: 2)
            }
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
