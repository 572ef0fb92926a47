import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Sheets
import TasksRules

/// Tables for people of the CLI's lists that have no export of their own.
enum ListSheets {
    /// Requests for explanation: who must answer, about what, by when, and the answer.
    static func explanations(_ requests: [ExplanationInfo]) -> Sheet {
        var sheet = Sheet(name: "Yêu cầu giải trình", columns: [
            SheetColumn("Mã hệ thống"), SheetColumn("Tình trạng"), SheetColumn("Mã đơn vị giải trình", .unit), SheetColumn("Về"),
            SheetColumn("Cảnh báo"), SheetColumn("Kỳ"), SheetColumn("Hạn trả lời", .date), SheetColumn("Nội dung"), SheetColumn("Trả lời"),
        ])
        for request in requests {
            let about = request.kind == .task ? "Nhiệm vụ \(request.itemId)" : "Chỉ tiêu \(request.itemId)"
            let rule = FlagRule(rawValue: request.rule)?.displayName ?? KPIFlagRule(rawValue: request.rule)?.displayName ?? request.rule
            sheet.append([.text(request.id), .text(request.stateLabel), .text(request.unitId), .text(about), .text(rule),
                          .text(request.period.flatMap { PeriodKey(key: $0)?.displayName }), .day(request.dueOn), .text(request.question),
                          .text(request.answer)])
        }
        return sheet
    }

    /// Programmes: the code other commands take, names, kind and the owning unit.
    static func programmes(_ programmes: [ProgrammeInfo]) -> Sheet {
        var sheet = Sheet(name: "Chương trình", columns: [
            SheetColumn("Mã"), SheetColumn("Tên ngắn"), SheetColumn("Loại"), SheetColumn("Mã đơn vị", .unit), SheetColumn("Tên"),
        ])
        for programme in programmes {
            sheet.append([.text(programme.code), .text(programme.shortName), .text(programme.kindLabel), .text(programme.ownerUnitId),
                          .text(programme.name)])
        }
        return sheet
    }

    /// The indicators as a table for people: the id other commands take ("Mã hệ thống"), then words, the owning unit by name.
    static func indicators(_ indicators: [IndicatorInfo]) -> Sheet {
        var sheet = Sheet(name: "Chỉ tiêu", columns: [
            SheetColumn("Mã hệ thống"), SheetColumn("Chương trình"), SheetColumn("Kế hoạch"), SheetColumn("Mã"),
            SheetColumn("Chỉ tiêu"), SheetColumn("Đo lường"), SheetColumn("Tổng hợp"), SheetColumn("Mã đơn vị chủ trì", .unit),
        ])
        for indicator in indicators {
            sheet.append([.text(indicator.id), .text(indicator.programme), .text(indicator.planNumber), .text(indicator.code), .text(indicator.name),
                          .text(indicator.measure.displayName), .text(indicator.rollUp.displayName), .text(indicator.ownerUnitId)])
        }
        return sheet
    }
}
