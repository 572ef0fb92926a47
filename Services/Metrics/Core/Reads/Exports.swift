import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Sheets
import NQ57Wire

/// Views as tables (`metrics.export`): each built once as a typed `Sheet`, unit names put beside
/// their codes, then written as CSV for Excel on a Vietnamese office PC (UTF-8 with a BOM, dates
/// dd/MM/yyyy, numbers with a decimal comma and the raw number beside them) and answered typed as
/// well, for an XLSX.
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
        let sheet: Sheet
        var name: String
        switch params.view {
        case .dashboard:
            let view = try await Overview(context).dashboard(MetricsDashboard.Params(unitId: params.unitId, group: params.group,
                                                                                     asOf: params.asOf, programme: params.programme))
            sheet = Self.sheet(view)
            name = "bang-dieu-khien"
        case .flags:
            sheet = Self.sheet(try await Overview(context).flags(UnitAsOf(unitId: params.unitId, asOf: params.asOf, programme: params.programme)))
            name = "canh-bao-chi-tieu"
        case .series:
            let view = try await ValueViews(context).series(MetricsSeries.Params(
                indicatorId: try required(params.indicatorId), unitId: params.unitId, from: params.from, to: params.to, asOf: params.asOf))
            sheet = Self.sheet(view)
            name = "chuoi-\(view.indicator.code)"
        case .rollup:
            let view = try await ValueViews(context).rollUp(MetricsRollUp.Params(
                indicatorId: try required(params.indicatorId), unitId: params.unitId, period: params.period, asOf: params.asOf))
            sheet = Self.sheet(view)
            name = "tong-hop-\(view.period)"
        }
        name = "\(name)-\(params.unitId)-\(asOf.iso).csv".map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? String($0) : "-" }.joined()
        let named = sheet.namingUnits(try await unitNames(under: params.unitId, on: asOf))
        let document = CSVDocument(named)
        return MetricsExport.Result(fileName: name, mediaType: "text/csv; charset=utf-8", csv: document.render(), rows: document.rows.count,
                                    table: named)
    }

    /// Names of the units at and below `unitId`; a lookup that knows no names (tests' fixed trees) leaves ids as names.
    private func unitNames(under unitId: String, on day: Day) async throws -> (String) -> String? {
        guard let source = context.units as? any UnitNameSource else { return { _ in nil } }
        let names = try await source.names(under: unitId, on: day.iso)
        return { names[$0] }
    }

    private func required(_ indicatorId: String?) throws -> String {
        guard let indicatorId else {
            throw RPCError(.invalidArgument, "Cần chọn chỉ tiêu cho dạng xuất này.", details: ["field": "indicatorId"])
        }
        return indicatorId
    }

    private static func period(_ key: String?) -> SheetCell { .text(key.flatMap { PeriodKey(key: $0)?.displayName }) }

    /// The `dashboard` view as a table; unit ids in a `unit` column.
    public static func sheet(_ view: MetricsDashboard.Result) -> Sheet {
        var sheet = Sheet(name: "Chỉ tiêu", columns: [
            SheetColumn("Ngày số liệu", .date), SheetColumn("Mã đơn vị", .unit), SheetColumn("Chương trình"), SheetColumn("Nhóm"),
            SheetColumn("Mã"), SheetColumn("Chỉ tiêu"), SheetColumn("Kỳ"), SheetColumn("Giá trị", .decimal, rawTwin: true),
            SheetColumn("Mốc"), SheetColumn("Chỉ tiêu mốc"), SheetColumn("Theo lộ trình", .decimal, rawTwin: true),
            SheetColumn("Trạng thái"), SheetColumn("Giải thích"),
        ])
        for status in view.indicators {
            sheet.append([.day(view.asOf), .text(status.unitId), .text(status.programme), .text(status.group), .text(status.code),
                          .text(status.name), period(status.period), .number(status.value),
                          .text(status.milestone.flatMap { try? Milestone(parsing: $0).displayName }), .text(status.target),
                          .number(status.expected), .text(status.statusText), .text(status.explanation)])
        }
        return sheet
    }

    /// The `flags` view as a table; unit ids in a `unit` column.
    public static func sheet(_ view: MetricsFlags.Result) -> Sheet {
        var sheet = Sheet(name: "Cảnh báo chỉ tiêu", columns: [
            SheetColumn("Ngày số liệu", .date), SheetColumn("Mức"), SheetColumn("Quy tắc"), SheetColumn("Mã đơn vị chịu trách nhiệm", .unit),
            SheetColumn("Chương trình"), SheetColumn("Chỉ tiêu"), SheetColumn("Kỳ"), SheetColumn("Chi tiết"),
        ])
        for flag in view.flags {
            sheet.append([.day(view.asOf), .text(flag.level.displayName), .text(flag.ruleText), .text(flag.unitId), .text(flag.programme),
                          .text(flag.indicatorName), period(flag.period), .text(flag.detail)])
        }
        return sheet
    }

    /// The `series` view as a table; unit ids in a `unit` column.
    public static func sheet(_ view: MetricsSeries.Result) -> Sheet {
        var sheet = Sheet(name: "Chuỗi \(view.indicator.code)", columns: [
            SheetColumn("Kỳ"), SheetColumn("Mã kỳ"), SheetColumn("Mã đơn vị", .unit), SheetColumn("Giá trị", .decimal, rawTwin: true),
            SheetColumn("Tử số", .decimal), SheetColumn("Mẫu số", .decimal), SheetColumn("Nguồn"),
            SheetColumn("Đơn vị đã báo cáo", .integer), SheetColumn("Đơn vị chưa báo cáo", .integer),
            SheetColumn("Theo lộ trình", .decimal, rawTwin: true),
        ])
        for point in view.points {
            let value = point.value
            sheet.append([.text(point.periodText), .text(point.period), .text(value.unitId), .number(value.value), .number(value.numerator),
                          .number(value.denominator), .text(value.source.displayName), .integer(value.reportedCount),
                          .integer(value.missingCount), .number(point.expected)])
        }
        return sheet
    }

    /// The `rollup` view as a table; unit ids in a `unit` column.
    public static func sheet(_ view: MetricsRollUp.Result) -> Sheet {
        var sheet = Sheet(name: "Tổng hợp \(view.period)", columns: [
            SheetColumn("Hạng", .integer), SheetColumn("Mã đơn vị", .unit), SheetColumn("Giá trị", .decimal, rawTwin: true),
            SheetColumn("Tử số", .decimal), SheetColumn("Mẫu số", .decimal), SheetColumn("Nguồn"), SheetColumn("Trạng thái"),
        ])
        for child in view.children + [view.total] {
            sheet.append([.integer(child.rank), .text(child.unitId), .number(child.value), .number(child.numerator), .number(child.denominator),
                          .text(child.source.displayName), .text(child.status?.displayName)])
        }
        return sheet
    }
}
