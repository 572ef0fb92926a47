import NQ57API
import Testing
@testable import NQ57CLICore

/// `nq57 tasks scores` prints a header and aligned columns with unit names; units not ranked come last, saying why.
@Suite struct ScoresTableTests {
    @Test("Names, a header, aligned columns, ties shown as ties and the unranked apart")
    func table() {
        let result = TasksScores.Result(asOf: "2026-06-30", formula: "Điểm = …", units: [
            UnitScoreInfo(unitId: "vn-75-25246", rank: 1, due: 3, onTime: 2, percent: 66.7, band: .fair, explanation: "", reportsDue: 9, reportsOnTime: 6),
            UnitScoreInfo(unitId: "vn-75-25195", rank: 1, due: 6, onTime: 4, percent: 66.7, band: .fair, explanation: ""),
            UnitScoreInfo(unitId: "vn-75-25210", rank: 0, due: 0, onTime: 0, percent: nil, band: .none, explanation: "",
                          notRanked: "Chưa có nhiệm vụ đến hạn"),
        ])
        let lines = ScoresTable.text(result, names: ["vn-75-25246": "Xã Bình Tân", "vn-75-25195": "Phường Bình Phước"])
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Ngày 30/06/2026 — Cách tính v2 (áp dụng từ 07/12/2026)")
        let header = lines[3]
        #expect(header.hasPrefix("Hạng  Đơn vị"))
        let nameColumn = header.range(of: "Mã")
        // Every row's code starts in the column of the header's "Mã".
        for row in lines[4...5] {
            let code = row.range(of: "vn-75-")
            #expect(code.map { row.distance(from: row.startIndex, to: $0.lowerBound) }
                == nameColumn.map { header.distance(from: header.startIndex, to: $0.lowerBound) }, "\(row)")
        }
        #expect(lines[4].hasPrefix("1     Xã Bình Tân") && lines[4].contains("6/9") && lines[4].contains("66,7%"))
        #expect(lines[5].hasPrefix("1     Phường Bình Phước"), "a tie shares rank 1")
        #expect(lines[6].hasPrefix("—") && lines[6].contains("vn-75-25210") && lines[6].hasSuffix("Chưa có nhiệm vụ đến hạn"),
                "an unknown name shows its code; the reason is given")
    }
}
