import Foundation
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Reports
import NQ57Sheets
import TasksRules
import Testing

@Suite("Tables for people and programs")
struct TablesForPeopleTests {
    static let names = UnitNames([BinhTan.commune: "Xã Bình Tân", BinhTan.department: "Phòng Văn hóa - Xã hội"])

    @Test("Unit names go beside their codes in exports, and take their place on screen")
    func unitNames() {
        let flags = TaskSheets.flags(.init(asOf: "2026-12-07", flags: [
            FlagInfo(rule: .overdue, since: "2026-10-01", detail: "Quá hạn", taskId: "t1", taskTitle: "Nhiệm vụ t1", unitId: BinhTan.department),
            FlagInfo(rule: .overdue, since: "2026-10-01", detail: "Quá hạn", taskId: "t2", taskTitle: "Nhiệm vụ t2", unitId: "vn-75-99999"),
        ]))
        let exported = flags.namingUnits(Self.names.name)
        let unitColumn = exported.columns.firstIndex { $0.title == "Đơn vị chịu trách nhiệm" }!
        #expect(exported.columns[unitColumn + 1].title == "Mã đơn vị chịu trách nhiệm")
        #expect(exported.rows[0][unitColumn] == .text("Phòng Văn hóa - Xã hội"))
        #expect(exported.rows[0][unitColumn + 1] == .text(BinhTan.department))
        #expect(exported.rows[1][unitColumn] == .text("vn-75-99999"), "a unit nobody names keeps its code as its name")
        let onScreen = flags.namingUnits(keepingIds: false, Self.names.name)
        #expect(!onScreen.columns.contains { $0.title.hasPrefix("Mã đơn vị") })
        #expect(onScreen.columns.count == flags.columns.count)
    }

    @Test("A text table has a header and aligned columns, numbers the Vietnamese way, percentages to one decimal")
    func alignedText() {
        let sheet = Sheet(name: "Xếp hạng", columns: [SheetColumn("Hạng", .integer), SheetColumn("Đơn vị"), SheetColumn("Tỷ lệ", .percent),
                                                      SheetColumn("Số", .integer), SheetColumn("Thời hạn", .date), SheetColumn("Ghi chú")],
                          rows: [[.integer(1), .text("Xã Bình Tân"), .number(63.706_622_7), .integer(1_234_567), .day("2026-11-30"), .text("một")],
                                 [.integer(2), .text("Phường Tam Hiệp"), .empty, .integer(0), .empty, .text("")]])
        let lines = TextTable.render(sheet).split(separator: "\n").map(String.init)
        #expect(lines == [
            "HẠNG  ĐƠN VỊ           TỶ LỆ  SỐ         THỜI HẠN    GHI CHÚ",
            "1     Xã Bình Tân      63,7%  1.234.567  30/11/2026  một",
            "2     Phường Tam Hiệp  -      0          -           -",
        ])
    }

    @Test("A cell wider than a column may be ends in an ellipsis; the last column is printed whole")
    func longCells() {
        let long = String(repeating: "nhiệm vụ ", count: 10)
        let text = TextTable.render(header: ["A", "B"], rows: [[long, long]])
        let row = text.split(separator: "\n")[1]
        #expect(row.hasPrefix(String(long.prefix(TextTable.maxWidth - 1)) + "…  "))
        #expect(row.hasSuffix(long.trimmingCharacters(in: .whitespaces)) || row.hasSuffix(long))
    }

    @Test("CSV from a table: days dd/MM/yyyy, decimal commas, the raw number beside where asked, whole numbers as they are")
    func csvFromSheet() {
        let sheet = Sheet(name: "x", columns: [SheetColumn("Ngày", .date), SheetColumn("Giá trị", .decimal, rawTwin: true),
                                               SheetColumn("Hạng", .integer), SheetColumn("Ghi chú")],
                          rows: [[.day("2026-11-30"), .number(1_234.5), .integer(3), .text("a, b")], [.empty, .empty, .empty, .empty]])
        #expect(CSVDocument(sheet).render() == "\u{FEFF}Ngày,Giá trị,Giá trị (số),Hạng,Ghi chú\r\n30/11/2026,\"1.234,5\",1234.5,3,\"a, b\"\r\n,,,,\r\n")
    }

    @Test("Task exports keep the deadline as a day, or say why there is none")
    func taskDeadlines() {
        var recurring = BinhTan.task("t4", state: .inProgress, deadline: nil)
        recurring.recurrence = .month
        let sheet = TaskSheets.tasks([BinhTan.task("t1", state: .inProgress), recurring])
        let deadline = sheet.columns.firstIndex { $0.title == "Thời hạn" }!
        #expect(sheet.rows[0][deadline] == .date(Day(year: 2026, month: 11, day: 30)!))
        #expect(sheet.rows[1][deadline] == .text("Định kỳ (\(Period.month.displayName.lowercased()))"))
    }
}
