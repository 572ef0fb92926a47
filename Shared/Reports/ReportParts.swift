import NQ57API
import NQ57Calendar
import NQ57Sheets

/// The tables of a periodic report, each from what the API answered.
enum ReportParts {
    /// Tasks by state, in the order states first appear, with a total.
    static func states(_ tasks: [TaskInfo]) -> Sheet {
        var counts: [(label: String, count: Int)] = []
        for task in tasks {
            if let index = counts.firstIndex(where: { $0.label == task.stateLabel }) {
                counts[index].count += 1
            } else {
                counts.append((task.stateLabel, 1))
            }
        }
        var sheet = Sheet(name: "Nhiệm vụ theo trạng thái", columns: [SheetColumn("Trạng thái"), SheetColumn("Số nhiệm vụ", .integer)])
        sheet.rows = counts.map { [.text($0.label), .integer($0.count)] } + [[.text("Tổng số"), .integer(tasks.count)]]
        return sheet
    }

    /// Red flags of tasks and KPIs, each with the requests for explanation about it and their answers;
    /// a request whose flag has since cleared keeps its own row.
    static func redFlags(tasks: [FlagInfo], kpis: [KPIFlagInfo], explanations: [ExplanationInfo]) -> Sheet {
        var sheet = Sheet(name: "Cảnh báo đỏ và giải trình", columns: [
            SheetColumn("Loại"), SheetColumn("Quy tắc"), SheetColumn("Từ ngày", .date), SheetColumn("Mã đơn vị chịu trách nhiệm", .unit),
            SheetColumn("Nhiệm vụ / chỉ tiêu"), SheetColumn("Chi tiết"), SheetColumn("Yêu cầu giải trình"), SheetColumn("Hạn giải trình", .date),
            SheetColumn("Tình trạng"), SheetColumn("Trả lời"), SheetColumn("Ngày trả lời", .date),
        ])
        var used = Set<String>()
        func rows(kind: DueItemKind, itemId: String, rule: String, flag: [SheetCell]) -> [[SheetCell]] {
            let asked = explanations.filter { $0.kind == kind && $0.itemId == itemId && $0.rule == rule }
            used.formUnion(asked.map(\.id))
            guard !asked.isEmpty else { return [flag + Array(repeating: .empty, count: 5)] }
            return asked.map { flag + answer($0) }
        }
        for flag in tasks where flag.level == .red {
            sheet.rows += rows(kind: .task, itemId: flag.taskId, rule: flag.rule.rawValue, flag: [
                .text("Nhiệm vụ"), .text(flag.ruleText), .day(flag.since), .text(flag.unitId), .text(flag.taskTitle), .text(flag.detail)])
        }
        for flag in kpis where flag.level == .red {
            sheet.rows += rows(kind: .kpi, itemId: flag.indicatorId, rule: flag.rule.rawValue, flag: [
                .text("Chỉ tiêu"), .text(flag.ruleText), .text(flag.period.flatMap { PeriodKey(key: $0)?.displayName }), .text(flag.unitId),
                .text(flag.indicatorName), .text(flag.detail)])
        }
        for request in explanations where !used.contains(request.id) {
            sheet.rows.append([.text(request.kind == .task ? "Nhiệm vụ" : "Chỉ tiêu"), .text("\(request.rule) (đã hết cảnh báo)"),
                               .empty, .text(request.unitId), .text(request.itemId), .empty] + answer(request))
        }
        return sheet
    }

    private static func answer(_ request: ExplanationInfo) -> [SheetCell] {
        [.text(request.question), .day(request.dueOn), .text(request.stateLabel), .text(request.answer), .day(request.answeredOn)]
    }

    /// KPI values against their targets, as written ("≥ 70", "hoàn thành").
    static func indicators(_ statuses: [IndicatorStatusInfo]) -> Sheet {
        var sheet = Sheet(name: "Chỉ tiêu", columns: [
            SheetColumn("Mã"), SheetColumn("Chỉ tiêu"), SheetColumn("Mã đơn vị", .unit), SheetColumn("Kỳ"), SheetColumn("Giá trị", .decimal),
            SheetColumn("Mục tiêu"), SheetColumn("Mốc"), SheetColumn("Theo lộ trình", .decimal), SheetColumn("Trạng thái"),
        ])
        for status in statuses {
            sheet.append([.text(status.code), .text(status.name), .text(status.unitId),
                          .text(status.period.flatMap { PeriodKey(key: $0)?.displayName }), .number(status.value), .text(status.target),
                          .text(status.milestone), .number(status.expected), .text(status.statusText)])
        }
        return sheet
    }

    /// The evidence behind the period's task claims and the unit's own KPI reports: file, SHA-256, size, upload
    /// day, and the review state of the claim or report it backs.
    static func evidence(claims: [(task: TaskInfo, claim: ClaimInfo)], kpiReports: [(indicator: IndicatorStatusInfo, report: ReportInfo)],
                         files: [EvidenceInfo]) -> Sheet {
        let byId = Dictionary(files.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sheet = Sheet(name: "Minh chứng", columns: [
            SheetColumn("Tệp"), SheetColumn("SHA-256"), SheetColumn("Dung lượng (byte)", .integer), SheetColumn("Ngày tải lên", .date),
            SheetColumn("Mã đơn vị", .unit), SheetColumn("Nhiệm vụ / chỉ tiêu"), SheetColumn("Kỳ"), SheetColumn("Thẩm định"),
            SheetColumn("Ngày gửi", .date), SheetColumn("Ngày chấp nhận", .date),
        ])
        func file(_ id: String, unitId: String) -> [SheetCell] {
            let file = byId[id]
            return [.text(file?.fileName ?? id), .text(file?.sha256), file.map { SheetCell.number(Double($0.size)) } ?? .empty,
                    file.map { SheetCell.date(Day($0.uploadedAt)) } ?? .empty, .text(file?.unitId ?? unitId)]
        }
        func periodText(_ key: String?) -> SheetCell { .text(key.flatMap { PeriodKey(key: $0)?.displayName }) }
        for (task, claim) in claims {
            for id in claim.evidenceIds {
                sheet.append(file(id, unitId: task.leadUnitId) + [.text(task.title), periodText(claim.period), .text(claim.stateLabel),
                                                                  .day(claim.submittedOn), .empty])
            }
        }
        for (indicator, report) in kpiReports {
            for id in report.evidenceIds {
                sheet.append(file(id, unitId: report.unitId) + [.text("\(indicator.code). \(indicator.name)"), periodText(report.period),
                                                               .text(report.stateLabel), .empty, .day(report.acceptedOn)])
            }
        }
        return sheet
    }
}
