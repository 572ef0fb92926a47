import Foundation
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Reports
import NQ57Sheets
import NQ57Wire
import TasksRules
import Testing

@Suite("Periodic report")
struct PeriodicReportTests {
    static let today = Day(year: 2026, month: 12, day: 7)!

    /// A commune with three tasks, a red and a yellow flag, a KPI, explanations and evidence.
    static func reader() -> CannedReader {
        let reader = CannedReader()
        reader.answer(AuthUnitsList.self, with: BinhTan.units)
        let overdue = FlagInfo(rule: .overdue, since: "2026-10-01", detail: "Quá hạn 67 ngày", taskId: "t1", taskTitle: "Nhiệm vụ t1",
                               unitId: BinhTan.department)
        let dueSoon = FlagInfo(rule: .dueSoon, since: "2026-12-01", detail: "Còn 5 ngày", taskId: "t2", taskTitle: "Nhiệm vụ t2",
                               unitId: BinhTan.department)
        let inQuarter = ClaimInfo(period: nil, state: .completedOnTime, evidenceIds: ["ev-1", "ev-2"], note: nil, submittedOn: "2026-11-20",
                                  actions: [])
        let before = ClaimInfo(period: nil, state: .needsRework, evidenceIds: ["ev-old"], note: nil, submittedOn: "2026-08-02", actions: [])
        reader.answer(TasksList.self, with: .init(tasks: [
            BinhTan.task("t1", state: .inProgress, flags: [overdue]),
            BinhTan.task("t2", state: .inProgress, flags: [dueSoon]),
            BinhTan.task("t3", state: .completedOnTime, claims: [before, inQuarter]),
        ]))
        reader.answer(TasksFlags.self, with: .init(asOf: "2026-12-07", flags: [overdue, dueSoon]))
        reader.answer(MetricsFlags.self, with: .init(asOf: "2026-12-07", flags: [
            KPIFlagInfo(rule: .behindRoadmap, level: .red, ruleText: "Chậm so với lộ trình", detail: "Đạt 24,8% lộ trình",
                        indicatorId: "kpi-1", indicatorName: "Tỷ lệ hồ sơ trực tuyến", unitId: BinhTan.commune, period: "2026-Q4"),
        ]))
        reader.answer(TasksExplanationList.self, with: .init(requests: [
            ExplanationInfo(id: "gt-1", unitId: BinhTan.department, kind: .task, itemId: "t1", rule: "overdue", period: nil,
                            question: "Vì sao quá hạn?", dueOn: "2026-12-10", requestedBy: "lanhdao", requestedOn: "2026-12-01",
                            state: .answered, answer: "Thiếu kinh phí, hoàn thành trước 31/12/2026.", evidenceIds: [],
                            answeredBy: "truongphong", answeredOn: "2026-12-03"),
            ExplanationInfo(id: "gt-2", unitId: BinhTan.department, kind: .task, itemId: "t9", rule: "sentBack", period: nil,
                            question: "Vì sao bị trả lại?", dueOn: "2026-11-10", requestedBy: "lanhdao", requestedOn: "2026-11-01",
                            state: .overdue, answer: nil, evidenceIds: [], answeredBy: nil, answeredOn: nil),
        ]))
        let kpi = IndicatorStatusInfo(indicatorId: "kpi-1", code: "CT-03", name: "Tỷ lệ hồ sơ trực tuyến", group: "II", unitId: BinhTan.commune,
                                      period: "2026-Q4", value: 63.706_622_7, valueText: "63,71", source: .reported, milestone: "2026",
                                      target: "≥ 70", expected: 65, status: .onTrack, statusText: "Đúng lộ trình", explanation: "")
        let total = StatusCountInfo(key: "total", byStatus: [:], red: 0)
        reader.answer(MetricsDashboard.self, with: .init(asOf: "2026-12-07", unitId: BinhTan.commune, total: total, byGroup: [],
                                                         indicators: [kpi], redBelow: []))
        let indicator = IndicatorInfo(id: "kpi-1", ownerUnitId: "vn-75", planNumber: nil, code: "CT-03", name: "Tỷ lệ hồ sơ trực tuyến", group: "II",
                                      kind: .strategic, measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio,
                                      reportedBy: .children, frequency: .quarter, maxValue: nil, trackingUnitId: nil, trackingText: nil,
                                      baseline: 30, baselineOn: "2026-01-01", sourceLine: nil, note: nil, targets: [])
        reader.answer(MetricsIndicatorGet.self, with: .init(indicator: indicator, status: kpi, reports: [
            ReportInfo(indicatorId: "kpi-1", unitId: BinhTan.commune, period: "2026-Q4", state: .submitted, value: 63.7, numerator: nil,
                       denominator: nil, note: nil, evidenceIds: ["ev-kpi-q4"], version: 1, acceptedValue: nil, acceptedOn: nil, reason: nil),
            ReportInfo(indicatorId: "kpi-1", unitId: BinhTan.commune, period: "2026-Q3", state: .accepted, value: 55, numerator: nil,
                       denominator: nil, note: nil, evidenceIds: ["ev-kpi-q3"], version: 1, acceptedValue: 55, acceptedOn: "2026-10-05", reason: nil),
            ReportInfo(indicatorId: "kpi-1", unitId: BinhTan.commune, period: "2026-Q2", state: .accepted, value: 40, numerator: nil,
                       denominator: nil, note: nil, evidenceIds: ["ev-kpi-q2"], version: 1, acceptedValue: 40, acceptedOn: "2026-07-03", reason: nil),
        ]))
        reader.answer(EvidenceInfoGet.self, with: .init(files: [
            EvidenceInfo(id: "ev-1", sha256: String(repeating: "ab", count: 32), size: 1_234_567, fileName: "Báo cáo quý IV.pdf",
                         mediaType: "application/pdf", unitId: BinhTan.department, uploadedBy: "chuyenvien",
                         uploadedAt: Date(timeIntervalSince1970: 1_763_600_000), supports: "t3", status: .ok),
        ]))
        return reader
    }

    static func part(_ report: PeriodicReport, _ name: String) throws -> Sheet {
        try #require(report.parts.first(where: { $0.name == name }))
    }

    static func column(_ sheet: Sheet, _ title: String) throws -> Int {
        try #require(sheet.columns.firstIndex(where: { $0.title == title }))
    }

    @Test("A quarter still running is reported as of today, every part read as of that day")
    func quarterAsOfToday() async throws {
        let reader = Self.reader()
        let report = try await PeriodicReportBuilder(reader: reader, today: Self.today).build(unitId: BinhTan.commune, period: "2026-Q4")
        #expect(report.periodText == "Quý IV/2026")
        #expect((report.from, report.to, report.asOf) == ("2026-10-01", "2026-12-31", "2026-12-07"))
        #expect(report.unitName == "Xã Bình Tân")
        #expect(report.parts.map(\.name) == ["Nhiệm vụ theo trạng thái", "Nhiệm vụ", "Cảnh báo đỏ và giải trình", "Chỉ tiêu", "Minh chứng"])
        let asOfCalls = reader.asked.filter { ["tasks.list", "tasks.flags", "metrics.flags", "metrics.dashboard"].contains($0.method) }
        #expect(asOfCalls.count == 4)
        #expect(asOfCalls.allSatisfy { $0.params.contains(#""asOf":"2026-12-07""#) })
        #expect(report.workbook.sheets.map(\.name).first == "Thông tin")
    }

    @Test("Tasks are counted by state, with a total")
    func statesAreCounted() async throws {
        let report = try await PeriodicReportBuilder(reader: Self.reader(), today: Self.today).build(unitId: BinhTan.commune, period: "2026-Q4")
        let states = try Self.part(report, "Nhiệm vụ theo trạng thái")
        #expect(states.rows == [[.text("Đang thực hiện"), .number(2)], [.text(TaskStatus.completedOnTime.displayName), .number(1)],
                                [.text("Tổng số"), .number(3)]])
    }

    @Test("Red flags carry their requests for explanation and answers; yellow ones are left out; a request whose flag cleared keeps its row")
    func redFlagsWithExplanations() async throws {
        let report = try await PeriodicReportBuilder(reader: Self.reader(), today: Self.today).build(unitId: BinhTan.commune, period: "2026-Q4")
        let flags = try Self.part(report, "Cảnh báo đỏ và giải trình")
        #expect(flags.rows.count == 3)
        let answer = try Self.column(flags, "Trả lời")
        let unit = try Self.column(flags, "Đơn vị chịu trách nhiệm")
        let code = try Self.column(flags, "Mã đơn vị chịu trách nhiệm")
        #expect(flags.rows[0][answer] == .text("Thiếu kinh phí, hoàn thành trước 31/12/2026."))
        #expect(flags.rows[0][unit] == .text("Phòng Văn hóa - Xã hội"))
        #expect(flags.rows[0][code] == .text(BinhTan.department))
        #expect(flags.rows[1][1] == .text("Chậm so với lộ trình"))
        #expect(flags.rows[1][answer] == .empty, "a flag nobody asked about has no answer")
        #expect(flags.rows[2][try Self.column(flags, "Yêu cầu giải trình")] == .text("Vì sao bị trả lại?"))
        #expect(!flags.rows.contains { $0.contains(.text("Còn 5 ngày")) })
    }

    @Test("KPI targets appear as written; values stay exact")
    func targetsAsWritten() async throws {
        let report = try await PeriodicReportBuilder(reader: Self.reader(), today: Self.today).build(unitId: BinhTan.commune, period: "2026-Q4")
        let kpis = try Self.part(report, "Chỉ tiêu")
        #expect(kpis.rows[0][try Self.column(kpis, "Mục tiêu")] == .text("≥ 70"))
        #expect(kpis.rows[0][try Self.column(kpis, "Giá trị")] == .number(63.706_622_7))
        #expect(kpis.rows[0][try Self.column(kpis, "Đơn vị")] == .text("Xã Bình Tân"))
    }

    @Test("Evidence of the period's claims and KPI reports is listed with its SHA-256 and the review decision; earlier ones are not")
    func evidenceOfThePeriod() async throws {
        let reader = Self.reader()
        let report = try await PeriodicReportBuilder(reader: reader, today: Self.today).build(unitId: BinhTan.commune, period: "2026-Q4")
        let evidence = try Self.part(report, "Minh chứng")
        #expect(evidence.rows.count == 4, "two files of the task claim, the Q4 KPI value's and the Q3 value accepted in October")
        #expect(evidence.rows[0][0] == .text("Báo cáo quý IV.pdf"))
        #expect(evidence.rows[0][1] == .text(String(repeating: "ab", count: 32)))
        #expect(evidence.rows[0][2] == .number(1_234_567))
        #expect(evidence.rows[0][try Self.column(evidence, "Thẩm định")] == .text(TaskStatus.completedOnTime.displayName))
        #expect(evidence.rows[1][0] == .text("ev-2"), "a file the evidence service did not describe keeps its id")
        let item = try Self.column(evidence, "Nhiệm vụ / chỉ tiêu")
        let accepted = try Self.column(evidence, "Ngày chấp nhận")
        #expect(evidence.rows[2][0] == .text("ev-kpi-q3") && evidence.rows[2][item] == .text("CT-03. Tỷ lệ hồ sơ trực tuyến"))
        #expect(evidence.rows[2][try Self.column(evidence, "Thẩm định")] == .text(ReportState.accepted.displayName))
        #expect(evidence.rows[2][accepted] == .day("2026-10-05"))
        #expect(evidence.rows[3][0] == .text("ev-kpi-q4") && evidence.rows[3][accepted] == .empty)
        #expect(!evidence.rows.contains { $0[0] == .text("ev-kpi-q2") }, "Q2's value was accepted in July")
        let asked = try #require(reader.asked.first(where: { $0.method == "evidence.info" }))
        #expect(asked.params.contains(#"["ev-1","ev-2","ev-kpi-q3","ev-kpi-q4"]"#))
        let kpiAsked = reader.asked.filter { $0.method == "metrics.indicators.get" }
        #expect(kpiAsked.count == 1 && kpiAsked[0].params.contains(#""unitId":"vn-75-25349""#))
    }

    @Test("A month that has ended is reported as of its last day")
    func pastMonth() async throws {
        let report = try await PeriodicReportBuilder(reader: Self.reader(), today: Self.today).build(unitId: BinhTan.commune, period: "2026-11")
        #expect(report.asOf == "2026-11-30")
        #expect(report.periodText == PeriodKey(key: "2026-11")!.displayName)
        #expect(try Self.part(report, "Minh chứng").rows.count == 2, "sent 20/11/2026")
    }

    @Test("A period that is not a month or a quarter, or has not begun, is refused naming the field", arguments: ["2026-13", "2026", "2026-H2", "quý 4", "2027-Q1"])
    func badPeriods(_ period: String) async throws {
        let builder = PeriodicReportBuilder(reader: Self.reader(), today: Self.today)
        let error = await #expect(throws: RPCError.self) { try await builder.build(unitId: BinhTan.commune, period: period) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?["field"] == "period")
    }
}
