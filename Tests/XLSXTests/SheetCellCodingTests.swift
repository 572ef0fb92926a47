import Foundation
import NQ57Calendar
import NQ57Sheets
import Testing

@Suite("Sheet cells on the wire")
struct SheetCellCodingTests {
    @Test("Each kind of cell travels as its JSON scalar and comes back the same")
    func roundTrip() throws {
        let cells: [SheetCell] = [.empty, .text("Xã Bình Tân"), .number(63.7066), .date(Day(year: 2026, month: 11, day: 30)!), .text("12")]
        let json = String(decoding: try JSONEncoder().encode(cells), as: UTF8.self)
        #expect(json == #"[null,"Xã Bình Tân",63.7066,{"date":"2026-11-30"},"12"]"#)
        #expect(try JSONDecoder().decode([SheetCell].self, from: Data(json.utf8)) == cells)
    }

    @Test("A day that is not a date stays text rather than being lost")
    func badDayStaysText() {
        #expect(SheetCell.day("2026-02-30") == .text("2026-02-30"))
        #expect(SheetCell.day(nil) == .empty)
        #expect(SheetCell.integer(3) == .number(3))
    }
}
