import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// The provincial leader's Tổng quan in a real headless Chromium, at office (1366×900) and phone (390×844) sizes:
/// the summary fits the first screen, the drill-down province → commune → department → task is one click per step
/// and back, filters survive a reload, and on a phone the header is short, every tab is reachable and tables are cards.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct WebConsoleOverviewTests {
    /// HTTPSideTests' units and people, a provincial leader, and xã Bình Tân's overdue task and monthly report
    /// never sent since 11/2025. Returns the recurring task's id.
    static func setUp(_ system: TestSystem) async throws -> String {
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let client = system.client
        try await HTTPSideTests.addProvincialLeader(system)
        let plan = try await client.call(TasksPlanCreate.self, .init(number: "05-KH/ĐU", title: "Kế hoạch năm", issuingUnitId: "vn-75-25246",
                                                                     issuedOn: "2025-10-20", implements: [],
                                                                     groups: [TaskGroupInfo(code: "I", title: "Lãnh đạo, chỉ đạo")]),
                                         token: tokens[.reviewer])
        let monthly = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "I", title: "Báo cáo tháng về chuyển đổi số",
                                                                    leadUnitId: "vn-75-25246-pkt", timeText: "Thực hiện thường xuyên",
                                                                    assignedOn: "2025-11-01"), token: tokens[.reviewer])
        _ = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "I", title: "Quy chế quản lý dữ liệu số",
                                                          leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 6 năm 2026",
                                                          assignedOn: "2025-11-01"), token: tokens[.reviewer])
        return monthly.id
    }

    /// The page's `main` once every block has rendered. A hang guard, not a timing: the whole suite on two cores
    /// (load 30–60) once took over 90 s for the province's page, which makes about ten calls.
    ///
    /// When it never comes, the failure says what the page shows instead (a re-login dialog, an error, a page
    /// still waiting) and which API calls had answered, and a screenshot is kept, so that a hang seen only
    /// under the whole suite's load can be told from slowness. Each call's HTTP status, and the system's log lines
    /// about sessions (the gateway's refresh failures), warnings (a service restarted) and errors are added, so a
    /// re-login dialog says why.
    static func loaded(_ browser: Browser, system: TestSystem) async throws {
        do {
            _ = try await browser.element(#"main[data-page="tong-quan"][data-loaded="true"]"#, timeout: 240)
        } catch {
            _ = try? await browser.screenshot("loi-tong-quan-chua-tai-xong")
            let state = try? await browser.execute("""
                const main = document.querySelector('main');
                const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
                  .map((e) => e.name.split('/api/')[1] + ' ' + (e.responseStatus ?? '') + ' ' + Math.round(e.duration) + 'ms');
                return JSON.stringify({ hash: location.hash, page: main?.dataset.page, loaded: main?.dataset.loaded ?? null,
                  relogin: document.getElementById('relogin')?.open ?? null, text: (main?.innerText || '').slice(0, 400), answered: calls });
                """)
            // Asked again now, with the page's cookie: is the browser session still there, and what does a call answer?
            let probe = try? await browser.execute("""
                return (async () => {
                  const s = await fetch('/auth/session', { credentials: 'same-origin' });
                  const session = await s.json().catch(() => null);
                  const r = await fetch('/api/tasks.overview', { method: 'POST', credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session?.csrfToken || '' }, body: '{"unitId":"vn-75"}' });
                  const answer = await r.json().catch(() => null);
                  return JSON.stringify({ session: s.status, call: r.status, error: answer?.error ?? null, now: new Date().toISOString() });
                })();
                """)
            let log = system.supervisor.stderr.split(separator: "\n")
                .filter { line in ["session", "refresh", "warning", "error", "unauthenticated", "revok"].contains { line.contains($0) } }.suffix(40)
            Issue.record("""
                the overview never finished loading: \(state?.stringValue ?? "page state unreadable")
                asked again: \(probe?.stringValue ?? "probe failed")
                log:
                \(log.joined(separator: "\n"))
                """)
            throw error
        }
    }

    static func number(_ browser: Browser, _ script: String) async throws -> Double {
        try await browser.execute(script).doubleValue ?? -1
    }

    @Test("Office screen: the summary first, then one click per step from the province to a task, and back; filters in the URL")
    func leaderAtTheOffice() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-11-24"], arguments: ["--log-level", "info"])
        let monthly = try await Self.setUp(system)
        let base = try await system.httpAddress()
        let leader = try await Browser(width: 1366, height: 900, screenshotsFolder: WebConsoleTests.screenshots)
        try await leader.open(base + "/")
        try await leader.element("#login-username").type("ld.tinh")
        try await leader.element("#login-password").type(HTTPSideTests.password)
        try await leader.element("#login-submit").click()
        try await Self.loaded(leader, system: system)

        // The headline and the start of "where to act" are on the first screen.
        _ = try await leader.element("#overview-headline [data-tile=red]", timeout: 20)
        #expect(try await Self.number(leader, "return document.getElementById('overview-headline').getBoundingClientRect().bottom") <= 900)
        #expect(try await Self.number(leader, "return document.querySelector('#where-to-act tr.act-row').getBoundingClientRect().bottom") <= 900)
        // With several programmes and none chosen the title names none; choosing one names it.
        #expect(try await leader.element("#brand-name").property("textContent") == "Theo dõi thực hiện nghị quyết, chương trình")
        let footer = try await leader.element("#footer").property("textContent") ?? ""
        #expect(!footer.contains("Đảng ủy xã") && footer.contains("Tỉnh Đồng Nai"), "\(footer)")
        try await leader.screenshot("30-tong-quan-tinh-1366")
        // Three monthly trends: on time, red flags open, KPI completion.
        #expect(try await leader.elements("#overview-trend figure.chart-figure").count == 3)
        _ = try await leader.execute("document.getElementById('overview-trend').scrollIntoView()")
        try await leader.screenshot("30-xu-huong-tinh-1366")
        _ = try await leader.execute("window.scrollTo(0, 0)")

        // Province → commune: the commune with red flags is first; one click opens its own overview.
        let first = try await leader.element("#where-to-act tr.act-row").attribute("data-unit")
        #expect(first == "vn-75-25246")
        try await leader.element(#"#where-to-act tr.act-row[data-unit="vn-75-25246"] a.unit-link"#).click()
        try await leader.waitForText("Tổng quan: Xã Bình Tân", in: "main h1", timeout: 20)
        try await Self.loaded(leader, system: system)
        try await leader.screenshot("31-tong-quan-xa-1366")

        // Commune → department → the flag group naming commune and department → the task.
        try await leader.element(#"#where-to-act tr.act-row[data-unit="vn-75-25246-pkt"] a.unit-link"#, timeout: 20).click()
        try await leader.waitForText("Tổng quan: Phòng Kinh tế", in: "main h1", timeout: 20)
        try await Self.loaded(leader, system: system)
        let group = #"#flag-groups details.flag-group[data-rule="missingReport"]"#
        try await leader.element("\(group) summary", timeout: 20).click()
        try await leader.waitForText("Thiếu 12 kỳ báo cáo, từ 11/2025", in: group, timeout: 10)
        try await leader.screenshot("32-tong-quan-phong-1366")
        try await leader.element(#"\#(group) li[data-task="\#(monthly)"] a"#).click()
        _ = try await leader.element("#task-state", timeout: 20)
        try await leader.screenshot("33-nhiem-vu-tu-tong-quan-1366")

        // Back, then up to the province by the breadcrumb.
        _ = try await leader.execute("history.back()")
        try await leader.waitForText("Tổng quan: Phòng Kinh tế", in: "main h1", timeout: 20)
        try await leader.element(#".breadcrumb a[data-unit="vn-75"]"#, timeout: 20).click()
        try await leader.waitForText("Tổng quan: Tỉnh Đồng Nai", in: "main h1", timeout: 20)
        try await Self.loaded(leader, system: system)

        // A rule filter is in the URL and survives a reload.
        _ = try await leader.execute("""
            const rule = document.getElementById('filter-rule');
            rule.value = 'overdue';
            rule.dispatchEvent(new Event('change'));
            """)
        try await leader.wait("the rule in the URL", timeout: 20) {
            try await leader.execute("return location.hash").stringValue?.contains("canh-bao%3Doverdue") == true
        }
        let url = try await leader.execute("return location.href").stringValue ?? ""
        try await leader.open(url)
        try await Self.loaded(leader, system: system)
        #expect(try await leader.element("#filter-rule").property("value") == "overdue")
        let rules = try await leader.execute("return [...document.querySelectorAll('#flag-groups details')].map(d => d.dataset.rule)")
        #expect(rules.arrayValue?.compactMap(\.stringValue) == ["overdue"], "\(rules)")
        try await leader.screenshot("34-tong-quan-loc-qua-han-1366")
        await leader.close()
        #expect(await system.stop() == 0)
    }

    @Test("Phone: header and tabs under 15% of the height, every tab reachable, tables as stacked cards")
    func leaderOnAPhone() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-11-24"], arguments: ["--log-level", "info"])
        _ = try await Self.setUp(system)
        let base = try await system.httpAddress()
        let phone = try await Browser(width: 390, height: 844, screenshotsFolder: WebConsoleTests.screenshots)
        try await phone.open(base + "/")
        try await phone.element("#login-username").type("ld.tinh")
        try await phone.element("#login-password").type(HTTPSideTests.password)
        try await phone.element("#login-submit").click()
        try await Self.loaded(phone, system: system)
        try await phone.screenshot("35-tong-quan-dien-thoai")
        // The filters fold away on a phone, so the headline figures start on the first screen.
        #expect(try await phone.execute("return document.getElementById('overview-filters-fold').open").boolValue == false)
        let headlineTop = try await Self.number(phone, "return document.getElementById('overview-headline').getBoundingClientRect().top")
        #expect(headlineTop > 0 && headlineTop < 0.5 * 844, "the headline starts at \(headlineTop) px")
        _ = try await phone.execute("document.getElementById('overview-trend').scrollIntoView()")
        try await phone.screenshot("35-xu-huong-dien-thoai")
        _ = try await phone.execute("window.scrollTo(0, 0)")

        let header = try await Self.number(phone, "return document.querySelector('.topbar').getBoundingClientRect().height")
        #expect(header > 0 && header < 0.15 * 844, "header and tabs take \(header) px")
        let tabs = try await phone.execute("""
            return [...document.querySelectorAll('#nav li:not([hidden]) a')].map(a => {
              const r = a.getBoundingClientRect();
              return a.dataset.nav + ':' + (r.left >= 0 && r.right <= window.innerWidth && r.width > 0 ? 'ok' : 'cut');
            });
            """)
        let states = tabs.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(states.contains("cong-khai:ok") && states.allSatisfy { $0.hasSuffix(":ok") }, "\(states)")
        #expect(try await Self.number(phone, "return document.documentElement.scrollWidth") <= 390, "nothing wider than the screen")
        #expect(try await phone.execute("return getComputedStyle(document.querySelector('#where-to-act tr.act-row')).display").stringValue == "block",
                "table rows are cards")

        // The unit and date controls fold behind one button.
        #expect(try await phone.execute("return getComputedStyle(document.getElementById('unit-select')).display === 'none' || document.getElementById('unit-select').offsetParent === null").boolValue == true)
        try await phone.element("#header-toggle").click()
        #expect(try await phone.execute("return document.getElementById('unit-select').offsetParent !== null").boolValue == true)
        try await phone.screenshot("36-bo-loc-dien-thoai")

        try await phone.open(base + "/#/nhiem-vu")
        _ = try await phone.element(#"main[data-page="nhiem-vu"][data-loaded="true"]"#, timeout: 90)
        #expect(try await Self.number(phone, "return document.documentElement.scrollWidth") <= 390, "the task table fits as cards")
        #expect(try await phone.execute("return document.getElementById('task-exports-fold').open").boolValue == false,
                "the six download links fold behind one line on a phone")
        try await phone.screenshot("37-nhiem-vu-dien-thoai")
        await phone.close()
        #expect(await system.stop() == 0)
    }
}
