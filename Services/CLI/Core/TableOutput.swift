import NQ57Reports
import NQ57Sheets
import NQ57Wire

extension TasksCommand.Common {
    /// Prints `value` as JSON (codes, for programs) or `sheet` as an aligned table with unit names (for people).
    func output<T: Encodable>(_ value: T, sheet: Sheet, after extra: [Sheet] = []) async throws {
        if json {
            print(PrettyJSON.format(try RawJSON.encode(value)))
            return
        }
        let names = try await UnitNames.load(under: unit, on: asOf, from: ClientReader(connection: connection))
        let tables = ([sheet] + extra).filter { !$0.rows.isEmpty || $0 == sheet }
        print(tables.map { TextTable.render($0.namingUnits(keepingIds: false, names.name)) }.joined(separator: "\n\n"))
    }
}
