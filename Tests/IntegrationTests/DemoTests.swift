import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// `nq57 up --demo`: the seeds and a year of made-up history, played month by month with the
/// system's clock on each month's day, so the dashboards have something real to show.
@Suite(.serialized)
struct DemoTests {
    @Test("up --demo shows red flags of all three kinds, a unit in every score band, and KPI statuses")
    func demo() async throws {
        let system = try await TestSystem(arguments: ["--demo", "--seeds", SeedTests.seedsFolder, "--now", "2026-11-24"],
                                          waitForReady: 600)
        #expect(system.supervisor.stdout.contains("25/10/2026: xong"), "\(system.supervisor.stdout)\n\(system.supervisor.stderr)")
        let token = try await system.login()
        let client = system.client

        // The three kinds of red flag in the plans' rule: overdue, below 50% of the time roadmap, sent back after review.
        let flags = try await client.call(TasksFlags.self, UnitAsOf(unitId: "vn-75-25246"), token: token).flags
        for rule in ["overdue", "behindSchedule", "sentBack"] {
            #expect(flags.contains { $0.rule.rawValue == rule && $0.level.rawValue == "red" }, "no \(rule) flag")
        }
        // Every score band among the departments of xã Bình Tân.
        let scores = try await client.call(TasksScores.self, UnitAsOf(unitId: "vn-75-25246"), token: token)
        let bands = Set(scores.units.map(\.bandLabel))
        for band in ["Xuất sắc", "Tốt", "Trung bình", "Yếu"] {
            #expect(bands.contains(band), "no unit in band \(band): \(scores.units.map { "\($0.unitId) \($0.bandLabel)" })")
        }
        // On-time work really was on time: the Văn phòng's three tasks due in 2025.
        #expect(scores.units.first?.unitId == "vn-75-25246-vpdu" && scores.units.first?.percent == 100)

        // KPIs: a sent-back value, red values, and the province's communes side by side.
        let kpiFlags = try await client.call(MetricsFlags.self, UnitAsOf(unitId: "vn-75"), token: token).flags
        #expect(kpiFlags.contains { $0.rule == .sentBack })
        #expect(kpiFlags.contains { $0.rule == .behindRoadmap })
        let demoKPI = try #require(try await client.call(MetricsIndicatorList.self, .init(unitId: "vn-75", planNumber: "MINH-HỌA"),
                                                         token: token).indicators.first)
        let rolled = try await client.call(MetricsRollUp.self, .init(indicatorId: demoKPI.id, unitId: "vn-75", period: "2026-Q3"), token: token)
        // 94 communes on that day: the demo's made-up merge of 01/07/2026 ended one of the 95.
        #expect(rolled.total.reportedCount == 24 && rolled.total.missingCount == 70)
        #expect(rolled.tree == .asOf && !rolled.children.contains { $0.unitId == "vn-75-25217" })
        let merged = try await client.call(AuthUnitsGet.self, .init(unitId: "vn-75-25217"), token: token)
        #expect(merged.unit.endedOn == "2026-07-01" && merged.unit.successorIds == ["vn-75-25210"])
        #expect(merged.history.first { $0.kind == .merge }?.reason.contains("giả định, dùng cho demo") == true)
        // The real renames of 30/04/2026 were given during the year, as renames with their decision.
        let renamed = try await client.call(AuthUnitsGet.self, .init(unitId: "vn-75-25270", asOf: "2026-01-01"), token: token)
        #expect(renamed.unit.name == "Xã Lộc Ninh" && renamed.unit.currentName == "Phường Lộc Ninh")
        #expect(renamed.history.first?.reason.contains("237/NQ-UBTVQH16") == true)
        #expect(Set(rolled.children.prefix(24).compactMap(\.status)).isSuperset(of: [.onTrack, .red]))
        // What is published, without logging in: every indicator of the seeded plans with where it stands.
        let published = try await client.call(MetricsPublic.self, UnitAsOf(unitId: "vn-75")).indicators
        #expect(published.count == 39 + 13 + 1)
        #expect(published.contains { $0.ownerUnitId == "vn-75-25246" && $0.valueText != nil && $0.status != .notReported })
        let publicPlans = try await client.call(TasksPublic.self, .init(unitId: "vn-75")).plans
        #expect(publicPlans.first { $0.number == "27-KH/ĐU" }?.tasks.count == 26, "every task of the plan, those without a time too")
        // A second programme: the made-up Resolution 71 plan, one task of the 57 plan linked into it (reported once).
        let plan71 = try #require(publicPlans.first { $0.programme == "nq71" })
        #expect(plan71.number.contains("minh họa") && plan71.tasks.count == 3)
        let shared = try #require(plan71.tasks.first { $0.title.hasPrefix("Xây dựng các Chương trình định hướng nghề nghiệp") })
        #expect(publicPlans.first { $0.number == "27-KH/ĐU" }?.tasks.contains { $0.title == shared.title } == true)
        // Demo data says it is demo data.
        #expect(demoKPI.name.contains("minh họa"))
        if ContinuousIntegration.runs(needing: Browser.isAvailable) {
            try await Self.tour(base: try await system.httpAddress())
        }
        #expect(await system.stop() == 0)
    }

    /// The demo's provincial leader reads every page at office and phone sizes, with a year of data behind them;
    /// the screenshots are for people to look at.
    static func tour(base: String) async throws {
        for (width, height, size) in [(1366, 900, "1366"), (390, 844, "dien-thoai")] {
            let leader = try await KPIPeriodConsoleTests.loggedIn("minhhoa.ld.tinh", base: base, width: width, height: height,
                                                                  password: "minh-hoa-nq57-2025")
            try await leader.screenshot("50-demo-tong-quan-\(size)")
            let kpiChart = try await leader.execute("""
                const figure = document.querySelectorAll('#overview-trend figure.chart-figure')[2];
                return figure ? figure.querySelectorAll('circle.dot-value').length : -1;
                """)
            #expect((kpiChart.doubleValue ?? -1) > 0, "the KPI-completion chart has points: \(kpiChart)")
            _ = try await leader.execute("document.getElementById('overview-trend').scrollIntoView()")
            try await leader.screenshot("50-demo-xu-huong-\(size)")
            #expect(try await leader.execute("return document.documentElement.scrollWidth").doubleValue ?? 9999 <= Double(width), "nothing wider than the screen")
            for (page, name) in [("chi-tieu", "51-demo-chi-tieu"), ("nhiem-vu", "52-demo-nhiem-vu"), ("bao-cao", "53-demo-bao-cao"),
                                 ("giai-trinh", "54-demo-giai-trinh")] {
                try await leader.open(base + "/#/\(page)")
                _ = try await leader.element(#"main[data-page="\#(page)"][data-loaded="true"]"#, timeout: 90)
                try await leader.screenshot("\(name)-\(size)")
                let wide = try await leader.execute("return document.documentElement.scrollWidth").doubleValue ?? 9999
                #expect(wide <= Double(width), "\(page) at \(width) px is \(wide) px wide")
            }
            await leader.close()
        }
    }
}

/// `nq57 seed --demo` on a running system: every phase up to its today at once; again, nothing new.
@Suite(.serialized)
struct SeedDemoTests {
    @Test("seed --demo adds the demo history once; a second run adds nothing")
    func seedDemoTwice() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-02-10"])
        let common = ["--data", system.root, "--session", "\(system.root)/admin.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common,
                                               input: TestSystem.adminPassword + "\n")
        #expect(login.status == 0)
        let first = try await ChildProcess.run("nq57", ["seed", "--demo", "--seeds", SeedTests.seedsFolder] + common, timeout: 600)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Dữ liệu minh họa: 3 tháng đến 10/02/2026"), "\(first.stdout)")
        let log = try await system.client.call(EvidenceLogHead.self, Empty())
        #expect(log.size > 20, "demo evidence was uploaded")
        let second = try await ChildProcess.run("nq57", ["seed", "--demo", "--seeds", SeedTests.seedsFolder] + common, timeout: 600)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Không có gì thay đổi"))
        #expect(try await system.client.call(EvidenceLogHead.self, Empty()).size == log.size, "no new evidence the second time")
        // Played at once on 10/02/2026, the months before are late: the November tasks of the Văn phòng are completed late.
        let token = try await system.login()
        let tasks = try await system.client.call(TasksList.self, .init(unitId: "vn-75-25246-vpdu"), token: token).tasks
        #expect(tasks.contains { $0.state == .completedLate })
        #expect(await system.stop() == 0)
    }
}
