/// A1-style references: column letters and cell names.
enum CellReference {
    /// The letters of the zero-based column `index`: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index
        var letters: [Character] = []
        repeat {
            letters.insert(Character(UnicodeScalar(UInt8(65 + index % 26))), at: 0)
            index = index / 26 - 1
        } while index >= 0
        return String(letters)
    }

    /// The name of the cell at zero-based `column` and one-based `row`: (0, 1) → A1.
    static func cell(column: Int, row: Int) -> String {
        "\(self.column(column))\(row)"
    }
}
