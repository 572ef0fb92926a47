import Foundation
import NQ57API
import NQ57Calendar
import NQ57Wire

/// `--demo`: a made-up but plausible year of work on the seeded plans, clearly marked as
/// demo data (accounts `minhhoa.*`, notes "[Dữ liệu minh họa]", evidence PDFs that say so).
///
/// It happens in monthly phases, on the 25th from 11/2025 to 10/2026. `nq57 up --demo` runs
/// each phase with the system's clock on its day, so what is on time is on time; `nq57 seed
/// --demo` on a running system plays every phase up to the system's today at once (so the
/// past is late). Each step checks what exists first, so running it again changes nothing.
struct DemoHistory {
    /// The demo accounts' password (they are demo accounts, and say so).
    static let password = "minh-hoa-nq57-2025"

    /// The demo accounts: username, display name, role, unit.
    static let accounts: [(String, String, Role, String)] = [
        ("minhhoa.cv.binhtan", "Chuyên viên xã Bình Tân (minh họa)", .staff, "vn-75-25246"),
        ("minhhoa.tp.binhtan", "Lãnh đạo xã Bình Tân (minh họa)", .head, "vn-75-25246"),
        ("minhhoa.vp.binhtan", "Văn phòng Đảng ủy xã Bình Tân (minh họa)", .reviewer, "vn-75-25246"),
        ("minhhoa.cv.binhlong", "Chuyên viên phường Bình Long (minh họa)", .staff, "vn-75-25326"),
        ("minhhoa.tp.binhlong", "Lãnh đạo phường Bình Long (minh họa)", .head, "vn-75-25326"),
        ("minhhoa.cv.tinh", "Chuyên viên tổng hợp của tỉnh (minh họa)", .staff, "vn-75"),
        ("minhhoa.tp.tinh", "Lãnh đạo Ban Chỉ đạo tỉnh (minh họa)", .head, "vn-75"),
        ("minhhoa.vp.tinh", "Văn phòng Tỉnh ủy (minh họa)", .reviewer, "vn-75"),
        ("minhhoa.ld.tinh", "Lãnh đạo tỉnh (minh họa)", .steering, "vn-75"),
    ]

    /// The phase days: the 25th of each month from 11/2025 to 10/2026.
    static let phases: [Day] = (0..<12).map { offset in
        let month = 11 + offset
        return Day(year: 2025 + (month - 1) / 12, month: (month - 1) % 12 + 1, day: 25)!
    }

    /// The communes that report the demo provincial indicator.
    static let reportingCommunes = 24

    let api: DemoClient

    /// Creates the demo accounts (as the admin) where missing and logs them in.
    static func prepare(client: RPCClient, adminToken: String) async throws -> DemoHistory {
        var tokens: [String: String] = [:]
        for (username, name, role, unit) in accounts {
            do {
                // Demo addresses sit in a reserved domain (RFC 2606 `.invalid`): a relay never delivers them anywhere real.
                _ = try await client.call(AuthUsersAdd.self, .init(username: username, displayName: name, unitId: unit, password: password,
                                                                   email: "\(username)@demo.nq57.invalid"),
                                          token: adminToken)
                _ = try await client.call(AuthUsersGrant.self, GrantParams(username: username, role: role, unitId: unit), token: adminToken)
            } catch let error as RPCError where error.code == .alreadyExists {}
            tokens[username] = try await client.call(AuthLogin.self, .init(username: username, password: password)).accessToken
        }
        return DemoHistory(api: DemoClient(client: client, tokens: tokens))
    }

    /// Plays the phases in order.
    func play(_ phases: [Day]) async throws {
        let indicator = try await provincialIndicator()
        try await DemoSecondProgramme(api: api).ensure()
        for day in phases {
            try await tasksPhase(day)
            try await kpiPhase(day, provincial: indicator)
        }
    }

    // MARK: Tasks of 27-KH/ĐU, xã Bình Tân

    private func tasksPhase(_ day: Day) async throws {
        let tasks = try await api.client.call(TasksList.self, .init(unitId: "vn-75-25246"), token: api.token("minhhoa.cv.binhtan")).tasks
        func led(_ unit: String) -> [TaskInfo] { tasks.filter { $0.leadUnitId == "vn-75-25246-\(unit)" }.sorted { $0.title < $1.title } }
        let staff = "minhhoa.cv.binhtan", head = "minhhoa.tp.binhtan", reviewer = "minhhoa.vp.binhtan"
        let month = PeriodKey.containing(day, period: .month).key
        func due(_ task: TaskInfo, _ iso: String) -> Bool { task.deadline == iso && task.recurrence == nil }

        // Văn phòng Đảng ủy: everything on time, except the 2026 task, which lags (behind the roadmap).
        for task in led("vpdu") where task.recurrence == nil {
            if let deadline = task.deadline, deadline <= "2025-12-31", Day(iso: deadline).map({ day <= $0 }) == true,
               PeriodKey.containing(Day(iso: deadline)!, period: .month).key == month {
                try await api.progress(task, to: 80, note: "Đã dự thảo, xin ý kiến", as: staff)
                try await api.complete(task, staff: staff, head: head, reviewer: reviewer)
            } else if task.deadline?.hasPrefix("2026") == true {
                try await api.progress(task, to: day.month >= 5 && day.year == 2026 ? 20 : 10, note: "Đang khảo sát nhu cầu", as: staff)
            }
        }
        // Công an xã: the two tasks of 2025 on time; the monthly report on time in 7 months out of 12 (score v2:
        // (2 + 7/12) / 3 = 86,1%, the "Tốt" band).
        for task in led("ca") {
            if task.recurrence != nil {
                if !["2026-02", "2026-03", "2026-06", "2026-07", "2026-09"].contains(month) {
                    try await api.complete(task, period: month, staff: staff, head: head, reviewer: reviewer)
                }
            } else if due(task, "2025-12-31"), month == "2025-12" {
                try await api.complete(task, staff: staff, head: head, reviewer: reviewer)
            }
        }
        // Phòng Kinh tế: two of its three monthly reports every month.
        for task in led("pkt").filter({ $0.recurrence != nil }).prefix(2) {
            try await api.complete(task, period: month, staff: staff, head: head, reviewer: reviewer)
        }
        // Phòng Văn hóa - Xã hội: overloaded. Its November task is sent back; one 2025 task is done late.
        for task in led("vhxh") where task.recurrence == nil {
            if due(task, "2025-11-30"), month == "2025-11" {
                try await api.progress(task, to: 100, note: "Đã tổ chức hội nghị quán triệt", as: staff)
                try await api.complete(task, sendBack: "Biên bản hội nghị chưa có chữ ký và danh sách đại biểu", staff: staff, head: head,
                                       reviewer: reviewer)
            }
        }
        if month == "2026-03", let late = led("vhxh").first(where: { due($0, "2025-12-31") }) {
            try await api.progress(late, to: 100, note: "Hoàn thành muộn do thiếu nhân lực", as: staff)
            try await api.complete(late, staff: staff, head: head, reviewer: reviewer)
        }
        // Ban Xây dựng Đảng: started, then stalled (overdue).
        if month == "2025-12" {
            for task in led("bxd") where task.recurrence == nil {
                try await api.progress(task, to: 30, note: "Đang rà soát", as: staff)
            }
        }
    }

    // MARK: KPIs

    /// A provincial indicator for the demo that the communes report (clearly marked), so the
    /// province sees its communes side by side.
    private func provincialIndicator() async throws -> IndicatorInfo {
        let token = api.token("minhhoa.vp.tinh")
        let existing = try await api.client.call(MetricsIndicatorList.self, .init(unitId: "vn-75", planNumber: "MINH-HỌA"), token: token)
        if let found = existing.indicators.first { return found }
        let indicator = try await api.client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75", planNumber: "MINH-HỌA", code: "CDS-TTHC",
            name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến (chỉ tiêu minh họa)", group: "Chuyển đổi số",
            measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio, reportedBy: .children,
            frequency: .quarter, baseline: 35, baselineOn: "2025-10-01",
            note: "Dữ liệu minh họa của nq57 --demo, không phải chỉ tiêu của kế hoạch nào."), token: token)
        _ = try await api.client.call(MetricsTargetSet.self, .init(indicatorId: indicator.id, unitId: "vn-75", milestone: "2026-12-31",
                                                                  target: "≥ 70"), token: token)
        return try await api.client.call(MetricsTargetSet.self, .init(indicatorId: indicator.id, unitId: "vn-75", milestone: "2030",
                                                                      target: "100"), token: token)
    }

    private func kpiPhase(_ day: Day, provincial: IndicatorInfo) async throws {
        let month = day.month
        // Quarter values are reported in the month after the quarter.
        guard [1, 4, 7, 10].contains(month) || day.year == 2025 && month == 12 else { return }
        let quarter = PeriodKey.containing(day.adding(days: -40), period: .quarter)
        let step = Double(PeriodKey.containing(Day(year: 2025, month: 12, day: 31)!, period: .quarter).start.daysUntil(quarter.start)) / 91
        if [1, 4, 7, 10].contains(month) {
            try await communesReport(provincial, quarter: quarter.key, step: step)
            try await binhTanReports(quarter: quarter.key, step: step)
        }
        try await binhLongReports(day)
    }

    /// 24 communes report the provincial ratio: strong, middling and weak ones, with different sizes.
    private func communesReport(_ indicator: IndicatorInfo, quarter: String, step: Double) async throws {
        // The communes that exist today: one ended by the demo's made-up merge no longer reports.
        let units = try await api.client.call(AuthUnitsTree.self, .init(under: "vn-75"), token: api.token("minhhoa.ld.tinh")).units
            .filter { $0.kind == .commune }.map(\.id).sorted().prefix(Self.reportingCommunes)
        for (index, unit) in units.enumerated() {
            let denominator = Double(200 + (index * 137) % 900)
            let strength = [0.95, 0.6, 0.25][index % 3]
            let share = min(0.98, 0.35 + step * 0.12 * strength + Double(index % 5) * 0.01)
            try await api.reportKPI(indicator, unitId: unit, period: quarter, numerator: (denominator * share).rounded(),
                                    denominator: denominator, staff: "minhhoa.cv.tinh", head: "minhhoa.tp.tinh", reviewer: "minhhoa.vp.tinh")
        }
    }

    /// Xã Bình Tân reports the percent indicators of 27-KH/ĐU with a known 2030 target.
    private func binhTanReports(quarter: String, step: Double) async throws {
        let indicators = try await api.client.call(MetricsIndicatorList.self, .init(unitId: "vn-75-25246", planNumber: "27-KH/ĐU"),
                                                   token: api.token("minhhoa.cv.binhtan")).indicators
            .filter { $0.measure == .percent && $0.targets.contains { $0.milestone == "2030" && $0.value != nil } }
        for (index, indicator) in indicators.prefix(8).enumerated() {
            let goal = indicator.targets.first { $0.milestone == "2030" }!.value!
            // Some keep pace with the line to 2030, some lag, one barely moves.
            let pace = [1.3, 1.0, 0.7, 0.35, 1.1, 0.2, 0.9, 0.6][index]
            let value = min(100, (goal * (0.55 + 0.1 * step) * pace * 10).rounded() / 10)
            let sendBack = index == 2 && quarter == "2026-Q2" ? "Số liệu không khớp với báo cáo của Phòng Văn hóa - Xã hội" : nil
            try await api.reportKPI(indicator, unitId: "vn-75-25246", period: quarter, value: value, sendBack: sendBack,
                                    staff: "minhhoa.cv.binhtan", head: "minhhoa.tp.binhtan", reviewer: "minhhoa.vp.tinh")
        }
    }

    /// Phường Bình Long reports its percent targets of 02-KH/BCĐ every month.
    private func binhLongReports(_ day: Day) async throws {
        let month = PeriodKey.containing(day, period: .month).previous
        guard month.start >= Day(year: 2025, month: 12, day: 1)! else { return }
        let indicators = try await api.client.call(MetricsIndicatorList.self, .init(unitId: "vn-75-25326", planNumber: "02-KH/BCĐ"),
                                                   token: api.token("minhhoa.cv.binhlong")).indicators
            .filter { $0.measure == .percent }
        let months = Double(Day(year: 2025, month: 12, day: 1)!.daysUntil(month.start)) / 30
        for (index, indicator) in indicators.prefix(4).enumerated() {
            let start = [55.0, 40.0, 20.0, 60.0][index]
            let gain = [3.5, 2.5, 0.8, 3.0][index]
            try await api.reportKPI(indicator, unitId: "vn-75-25326", period: month.key, value: min(100, (start + gain * months).rounded()),
                                    staff: "minhhoa.cv.binhlong", head: "minhhoa.tp.binhlong", reviewer: "minhhoa.vp.tinh")
        }
    }
}
