import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// Views as CSV for Excel on a Vietnamese office PC (`metrics.export`): UTF-8 with a BOM, dates
/// dd/MM/yyyy, numbers with a decimal comma, and the raw number beside each in its own column.
public struct Exports: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsExport.self) { params, _ in try await export(params) }
    }

    /// `metrics.export`.
    public func export(_ params: MetricsExport.Params) async throws -> MetricsExport.Result {
        let asOf = try context.day(params.asOf)
        let document: CSVDocument
        var name: String
        switch params.view {
        case .dashboard:
            let view = try await Overview(context).dashboard(MetricsDashboard.Params(unitId: params.unitId, group: params.group,
                                                                                     asOf: params.asOf, programme: params.programme))
            document = Self.csv(view)
            name = "bang-dieu-khien"
        case .flags:
            document = Self.csv(try await Overview(context).flags(UnitAsOf(unitId: params.unitId, asOf: params.asOf, programme: params.programme)))
            name = "canh-bao-chi-tieu"
        case .series:
            let view = try await ValueViews(context).series(MetricsSeries.Params(
                indicatorId: try required(params.indicatorId), unitId: params.unitId, from: params.from, to: params.to, asOf: params.asOf))
            document = Self.csv(view)
            name = "chuoi-\(view.indicator.code)"
        case .rollup:
            let view = try await ValueViews(context).rollUp(MetricsRollUp.Params(
                indicatorId: try required(params.indicatorId), unitId: params.unitId, period: params.period, asOf: params.asOf))
            document = Self.csv(view)
            name = "tong-hop-\(view.period)"
        }
        name = "\(name)-\(params.unitId)-\(asOf.iso).csv".map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? String($0) : "-" }.joined()
        return MetricsExport.Result(fileName: name, mediaType: "text/csv; charset=utf-8", csv: document.render(), rows: document.rows.count)
    }

    private func required(_ indicatorId: String?) throws -> String {
        guard let indicatorId else {
            throw RPCError(.invalidArgument, "Cần chọn chỉ tiêu cho dạng xuất này.", details: ["field": "indicatorId"])
        }
        return indicatorId
    }

    private static func number(_ value: Double?) -> [String] {
        guard let value else { return ["", ""] }
        return [VietnameseDecimal.format(value), String(value)]
    }

    private static func date(_ iso: String) -> String { Day(iso: iso)?.description ?? iso }

    private static func statusText(_ status: CompletionStatus?) -> String {
        status?.displayName ?? ""
    }

    static func csv(_ view: MetricsDashboard.Result) -> CSVDocument {
        var document = CSVDocument(header: ["Ngày số liệu", "Đơn vị", "Chương trình", "Nhóm", "Mã", "Chỉ tiêu", "Kỳ", "Giá trị", "Giá trị (số)",
                                            "Mốc", "Chỉ tiêu mốc", "Theo lộ trình", "Theo lộ trình (số)", "Trạng thái", "Giải thích"])
        for status in view.indicators {
            document.append([date(view.asOf), status.unitId, status.programme, status.group, status.code, status.name,
                             status.period.flatMap { PeriodKey(key: $0)?.displayName } ?? ""] + number(status.value)
                            + [status.milestone.flatMap { try? Milestone(parsing: $0).displayName } ?? "", status.target ?? ""]
                            + number(status.expected) + [status.statusText, status.explanation])
        }
        return document
    }

    static func csv(_ view: MetricsFlags.Result) -> CSVDocument {
        var document = CSVDocument(header: ["Ngày số liệu", "Mức", "Quy tắc", "Đơn vị chịu trách nhiệm", "Chương trình", "Chỉ tiêu", "Kỳ", "Chi tiết"])
        for flag in view.flags {
            document.append([date(view.asOf), flag.level.displayName, flag.ruleText, flag.unitId, flag.programme, flag.indicatorName,
                             flag.period.flatMap { PeriodKey(key: $0)?.displayName } ?? "", flag.detail])
        }
        return document
    }

    static func csv(_ view: MetricsSeries.Result) -> CSVDocument {
        var document = CSVDocument(header: ["Kỳ", "Mã kỳ", "Đơn vị", "Giá trị", "Giá trị (số)", "Tử số", "Mẫu số", "Nguồn",
                                            "Đơn vị đã báo cáo", "Đơn vị chưa báo cáo", "Theo lộ trình", "Theo lộ trình (số)"])
        for point in view.points {
            let value = point.value
            document.append([point.periodText, point.period, value.unitId] + number(value.value)
                            + [value.numerator.map { VietnameseDecimal.format($0) } ?? "", value.denominator.map { VietnameseDecimal.format($0) } ?? "",
                               value.source.displayName, String(value.reportedCount), String(value.missingCount)] + number(point.expected))
        }
        return document
    }

    static func csv(_ view: MetricsRollUp.Result) -> CSVDocument {
        var document = CSVDocument(header: ["Hạng", "Đơn vị", "Giá trị", "Giá trị (số)", "Tử số", "Mẫu số", "Nguồn", "Trạng thái"])
        for child in view.children + [view.total] {
            document.append([child.rank.map(String.init) ?? "", child.unitId] + number(child.value)
                            + [child.numerator.map { VietnameseDecimal.format($0) } ?? "", child.denominator.map { VietnameseDecimal.format($0) } ?? "",
                               child.source.displayName, statusText(child.status)])
        }
        return document
    }
}
