import NQ57API
import NQ57Sheets

/// The tasks service's views as tables (`nq57 tasks export`): tasks, flags, scores. Unit ids go in
/// columns of kind `unit`, so ``Sheet/namingUnits(_:)`` puts each unit's name beside its code.
public enum TaskSheets {
    /// The views that can be exported.
    public enum View: String, Sendable, CaseIterable {
        case tasks, flags, scores
    }

    /// Tasks of a unit and those below it.
    public static func tasks(_ tasks: [TaskInfo]) -> Sheet {
        var sheet = Sheet(name: "Nhiệm vụ", columns: [
            SheetColumn("Mã nhiệm vụ"), SheetColumn("Nhóm"), SheetColumn("Nhiệm vụ"), SheetColumn("Mã cơ quan chủ trì", .unit),
            SheetColumn("Trạng thái"), SheetColumn("Tiến độ (%)", .integer), SheetColumn("Thời hạn", .date),
            SheetColumn("Thời gian (theo văn bản)"), SheetColumn("Quá hạn"), SheetColumn("Cảnh báo"),
        ])
        for task in tasks {
            sheet.append([.text(task.id), .text(task.groupCode), .text(task.title), .text(task.leadUnitId), .text(task.stateLabel),
                          .integer(task.percent), task.deadline.map { SheetCell.day($0) } ?? .text(deadlineText(task)),
                          .text(task.timeText), .text(task.overdue ? "Có" : "Không"),
                          .text(task.flags.map(\.ruleText).joined(separator: "; "))])
        }
        return sheet
    }

    /// Red and yellow flags.
    public static func flags(_ result: TasksFlags.Result) -> Sheet {
        var sheet = Sheet(name: "Cảnh báo", columns: [
            SheetColumn("Ngày số liệu", .date), SheetColumn("Mức"), SheetColumn("Quy tắc"), SheetColumn("Từ ngày", .date),
            SheetColumn("Mã đơn vị chịu trách nhiệm", .unit), SheetColumn("Mã nhiệm vụ"), SheetColumn("Nhiệm vụ"), SheetColumn("Chi tiết"),
        ])
        for flag in result.flags {
            sheet.append([.day(result.asOf), .text(levelText(flag)), .text(flag.ruleText), .day(flag.since), .text(flag.unitId),
                          .text(flag.taskId), .text(flag.taskTitle), .text(flag.detail)])
        }
        return sheet
    }

    /// Scores and ranking of the units below.
    public static func scores(_ result: TasksScores.Result) -> Sheet {
        var sheet = Sheet(name: "Xếp hạng", columns: [
            SheetColumn("Ngày số liệu", .date), SheetColumn("Hạng", .integer), SheetColumn("Mã đơn vị", .unit),
            SheetColumn("Đến hạn", .integer), SheetColumn("Đúng hạn", .integer), SheetColumn("Tỷ lệ đúng hạn (%)", .percent),
            SheetColumn("Xếp loại"), SheetColumn("Chưa có thời hạn", .integer), SheetColumn("Kỳ báo cáo đến hạn", .integer),
            SheetColumn("Kỳ báo cáo đúng hạn", .integer), SheetColumn("Không xếp hạng vì"), SheetColumn("Giải thích"),
        ])
        // In the service's order: ranked units first (ties share a rank), then those not ranked, with why; a unit
        // not ranked has no rank cell.
        for unit in result.units {
            sheet.append([.day(result.asOf), unit.rank > 0 ? .integer(unit.rank) : .empty, .text(unit.unitId), .integer(unit.due),
                          .integer(unit.onTime), .number(unit.percent), .text(unit.bandLabel), .integer(unit.undated),
                          .integer(unit.reportsDue), .integer(unit.reportsOnTime), .text(unit.notRanked ?? ""), .text(unit.explanation)])
        }
        return sheet
    }

    /// A flag's level as people say it: đỏ, vàng, or "chưa có hạn" for a task without a deadline.
    public static func levelText(_ flag: FlagInfo) -> String {
        flag.level == .red ? "Đỏ" : (flag.rule == .noDeadline ? "Chưa có hạn" : "Vàng")
    }

    /// What stands for a deadline when there is no day: recurring, or the kind of deadline.
    public static func deadlineText(_ task: TaskInfo) -> String {
        task.recurrence.map { "Định kỳ (\($0.displayName.lowercased()))" } ?? task.deadlineKindLabel
    }
}
