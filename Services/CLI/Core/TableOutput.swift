import NQ57Reports
import NQ57Sheets
import NQ57Wire

extension ClientOptions {
    /// Prints `sheets` as aligned tables for people, unit codes replaced by the names (on `day`,
    /// nil: today) of the units under `unit`; an empty sheet is left out unless it is the first.
    func printTables(_ sheets: [Sheet], under unit: String?, on day: String? = nil) async throws {
        let names = try await UnitNames.load(under: unit, on: day, from: ClientReader(connection: self))
        let tables = sheets.enumerated().filter { $0.offset == 0 || !$0.element.rows.isEmpty }.map(\.element)
        print(tables.map { TextTable.render($0.namingUnits(keepingIds: false, names.name)) }.joined(separator: "\n\n"))
    }
}

extension TasksCommand.Common {
    /// Prints `value` as JSON (codes, for programs) or `sheet` as an aligned table with unit names (for people).
    func output<T: Encodable>(_ value: T, sheet: Sheet, after extra: [Sheet] = []) async throws {
        if json {
            print(PrettyJSON.format(try RawJSON.encode(value)))
            return
        }
        try await connection.printTables([sheet] + extra, under: unit, on: asOf)
    }
}
