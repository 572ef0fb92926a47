import NQ57Calendar
import NQ57Sheets

/// A unit's periodic report (báo cáo định kỳ) for a month or a quarter: tasks by state, the
/// tasks, red flags with their requests for explanation and answers, KPI values against their
/// targets, and the evidence behind the claims with its SHA-256 and review decision.
///
/// Each part is a table, so the same report is a print view (one table per part), an XLSX
/// (one sheet per part) and JSON.
public struct PeriodicReport: Codable, Sendable, Equatable {
    /// The unit reported on.
    public var unitId: String
    /// Its name as at the end of the period.
    public var unitName: String
    /// The period's key: `2026-11` or `2026-Q4`.
    public var period: String
    /// The period as people say it: "Tháng 11/2026", "Quý IV/2026".
    public var periodText: String
    /// The period's first day, `yyyy-MM-dd`.
    public var from: String
    /// The period's last day, `yyyy-MM-dd`.
    public var to: String
    /// The day the figures are taken on: the period's last day, or today while the period runs.
    public var asOf: String
    /// The day the report was made.
    public var madeOn: String
    /// The parts, in order: states, tasks, red flags, KPIs, evidence.
    public var parts: [Sheet]

    /// A report with these parts.
    public init(unitId: String, unitName: String, period: String, periodText: String, from: String, to: String,
                asOf: String, madeOn: String, parts: [Sheet]) {
        self.unitId = unitId
        self.unitName = unitName
        self.period = period
        self.periodText = periodText
        self.from = from
        self.to = to
        self.asOf = asOf
        self.madeOn = madeOn
        self.parts = parts
    }

    /// The report's title: "Báo cáo định kỳ Quý IV/2026 — Xã Bình Tân".
    public var title: String { "Báo cáo định kỳ \(periodText) — \(unitName)" }

    /// One sheet per part, after a cover sheet naming the unit, the period and the day of the figures.
    public var workbook: Workbook {
        var cover = Sheet(name: "Thông tin", columns: [SheetColumn("Mục"), SheetColumn("Nội dung")])
        cover.rows = [
            [.text("Báo cáo"), .text("Báo cáo định kỳ")], [.text("Đơn vị"), .text(unitName)], [.text("Mã đơn vị"), .text(unitId)],
            [.text("Kỳ báo cáo"), .text(periodText)], [.text("Từ ngày"), .day(from)], [.text("Đến ngày"), .day(to)],
            [.text("Số liệu tính đến ngày"), .day(asOf)], [.text("Ngày lập"), .day(madeOn)],
        ]
        return Workbook(title: title, sheets: [cover] + parts)
    }

    /// The period a key names, if it is a month (`2026-11`) or a quarter (`2026-Q4`).
    public static func period(_ key: String) -> PeriodKey? {
        guard let period = PeriodKey(key: key), period.period == .month || period.period == .quarter else { return nil }
        return period
    }
}
