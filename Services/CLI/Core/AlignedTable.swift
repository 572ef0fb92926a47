import NQ57API
import NQ57Reports
import NQ57Wire

/// A table for people at a terminal, built row by row: a header row, then rows whose columns line up
/// (`TextTable`'s rules: widths in characters, long cells cut with "…", the last column never padded).
struct AlignedTable {
    /// The column titles.
    var header: [String]
    /// The rows, each with as many cells as the header.
    var rows: [[String]] = []
    /// The widest a column may be, by index; absent: `TextTable.maxWidth`.
    var limits: [Int: Int] = [:]

    /// The table as lines of text, two spaces between columns.
    func render() -> String { TextTable.render(header: header, rows: rows, limits: limits) }
}

/// A listing for `--json`: its day, and its items each with its unit's name beside the code.
struct NamedItems<Item: Encodable>: Encodable {
    var asOf: String
    var items: [Named<Item>]
}

/// An item (with a `unitId`) and that unit's name, encoded as the item's fields plus `unitName`.
struct Named<Item: Encodable>: Encodable {
    var item: Item
    var unitName: String

    private enum Key: String, CodingKey { case unitName }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(unitName, forKey: .unitName)
    }
}
