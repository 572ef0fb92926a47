/// A plain-text table for the terminal: a header row, then rows, each column padded to its widest cell
/// (counted in characters, so Vietnamese letters with their marks count once).
struct AlignedTable {
    let header: [String]
    var rows: [[String]] = []

    /// The table as lines; columns after the last are left as they are, two spaces between columns.
    var text: String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { index in all.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }.joined()
        }.joined(separator: "\n")
    }
}
