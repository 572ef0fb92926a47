import NQ57API

/// `nq57 tasks scores` for people: the formula with its version, then the ranked units with their names,
/// then the units not ranked and why.
enum ScoresTable {
    /// The text printed for `result`, with units named from `names` (id → name; the id when unknown).
    static func text(_ result: TasksScores.Result, names: [String: String]) -> String {
        var table = AlignedTable(header: ["Hạng", "Đơn vị", "Mã", "NV đến hạn", "Đúng hạn", "Kỳ báo cáo", "Điểm", "Xếp loại", "Ghi chú"])
        for unit in result.units {
            let reports = unit.reportsDue > 0 ? "\(unit.reportsOnTime)/\(unit.reportsDue)" : "—"
            let score = unit.percent.map { percentText($0) } ?? "—"
            var note = unit.notRanked ?? ""
            if unit.undated > 0 { note += (note.isEmpty ? "" : "; ") + "\(unit.undated) chưa có thời hạn" }
            table.rows.append([unit.rank > 0 ? "\(unit.rank)" : "—", names[unit.unitId] ?? unit.unitId, unit.unitId, "\(unit.due)",
                               "\(unit.onTime)", reports, score, unit.rank > 0 || unit.percent != nil ? unit.bandLabel : "—", note])
        }
        return ["Ngày \(TasksCommand.dayText(result.asOf)) — \(result.formulaLabel)", result.formula, "", table.render()].joined(separator: "\n")
    }

    /// 66.7 → "66,7%".
    static func percentText(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }
}
