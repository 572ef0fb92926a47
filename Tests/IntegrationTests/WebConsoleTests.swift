import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// The web console in a real headless Chromium against the real system: a staff member
/// uploads a PDF and claims a task, the head submits it, a reviewer in another session
/// accepts it, and the red flag leaves the dashboard; the public page works without login.
/// Screenshots of each page go to `.build/web-console-screenshots/`.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct WebConsoleTests {
    static var screenshots: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/web-console-screenshots").path
    }

    /// The key of the last quarter that has ended, in Vietnam ("2026-Q3" on 24/11/2026).
    static func lastEndedQuarter(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let quarter = (parts.month! - 1) / 3 + 1
        return quarter == 1 ? "\(parts.year! - 1)-Q4" : "\(parts.year!)-Q\(quarter - 1)"
    }

    /// A browser of its own (its own cookies), logged in as `username`, on the dashboard.
    static func loggedIn(_ username: String, password: String = HTTPSideTests.password, base: String) async throws -> Browser {
        let browser = try await Browser(screenshotsFolder: screenshots)
        try await browser.open(base + "/")
        try await browser.element("#login-username").type(username)
        try await browser.element("#login-password").type(password)
        try await browser.element("#login-submit").click()
        do {
            _ = try await browser.element(#"main[data-page="tong-quan"][data-loaded="true"]"#, timeout: 60)
        } catch {
            _ = try? await browser.screenshot("loi-dang-nhap-\(username)")
            let text = try? await browser.execute("return document.body.innerText.slice(0, 2000)")
            Issue.record("the dashboard of \(username) did not load: \(String(describing: text))")
            throw error
        }
        return browser
    }

    @Test("Log in, open a task, upload a PDF, claim; the head submits; a reviewer accepts in another session; the flag leaves the dashboard")
    func taskThroughTheConsole() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-11-24"])
        let (task, _) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()

        // Staff: the task is behind its time roadmap (0% with 38% of its time gone): a red flag.
        let staff = try await Self.loggedIn("cv.pkt", base: base)
        _ = try await staff.element(#"#flag-groups details.flag-group[data-level="red"] li[data-task="\#(task)"]"#, timeout: 20)
        try await staff.screenshot("02-tong-quan-co-co-do")
        try await staff.open(base + "/#/nhiem-vu")
        try await staff.element(#"tr.task-row[data-task="\#(task)"] a.task-link"#, timeout: 20).click()
        _ = try await staff.element("#task-state", timeout: 20)
        try await staff.screenshot("03-nhiem-vu")
        let pdf = "\(system.root)/bien-ban-nghiem-thu.pdf"
        let bytes = Array("%PDF-1.4\n% Biên bản nghiệm thu trạm BTS — xã Bình Tân\n".utf8) + [UInt8](repeating: 0x20, count: 20_000)
        #expect(FileManager.default.createFile(atPath: pdf, contents: Data(bytes)))
        try await staff.element("#evidence-input").type(pdf)
        _ = try await staff.element("#evidence-list li[data-evidence]", timeout: 20)
        try await staff.screenshot("04-tai-minh-chung")
        try await staff.element("#claim-note").type("Đã lắp đặt và nghiệm thu 2 trạm BTS.")
        try await staff.element("#claim-submit").click()
        try await staff.waitForText("Đã gửi đề nghị hoàn thành", in: "#status", timeout: 20)
        await staff.close()

        // The head, in a session of their own, submits it for review.
        let head = try await Self.loggedIn("tp.pkt", base: base)
        try await head.open(base + "/#/nhiem-vu/\(task)")
        try await head.element("#submit-review", timeout: 20).click()
        _ = try await head.element(#"#task-state[data-state="submitted"]"#, timeout: 20)
        try await head.screenshot("05-gui-tham-dinh")
        await head.close()

        // The reviewer sees it in the queue with the evidence shown inline, and accepts it.
        let reviewer = try await Self.loggedIn("vp.binhtan", base: base)
        try await reviewer.open(base + "/#/tham-dinh")
        let item = #".review-item[data-task="\#(task)"]"#
        _ = try await reviewer.element(item, timeout: 20)
        _ = try await reviewer.element("\(item) .evidence-viewer iframe, \(item) .evidence-viewer img", timeout: 20)
        try await reviewer.screenshot("06-tham-dinh")
        try await reviewer.element("\(item) button.accept").click()
        try await reviewer.waitForText("Đã chấp nhận", in: item, timeout: 20)

        // The dashboard no longer shows the task's flag.
        try await reviewer.open(base + "/#/nhiem-vu")
        try await reviewer.open(base + "/#/tong-quan")
        _ = try await reviewer.element(#"main[data-page="tong-quan"][data-loaded="true"]"#, timeout: 20)
        _ = try await reviewer.element("#overview-flags", timeout: 20)
        #expect(try await reviewer.elements(#"#flag-groups li[data-task="\#(task)"]"#).isEmpty)
        try await reviewer.screenshot("07-tong-quan-sau-tham-dinh")
        await reviewer.close()

        let token = try await system.login("vp.binhtan", password: HTTPSideTests.password)
        let done = try await system.client.call(TasksGet.self, TaskRef(taskId: task, unitId: "vn-75-25246-pkt"), token: token)
        #expect(done.state == .completedOnTime && done.flags.isEmpty)
        #expect(await system.stop() == 0)
    }

    @Test("A session that ends while someone is typing loses nothing: they log in again in place and the call goes through")
    func sessionExpiresWhileTyping() async throws {
        let system = try await TestSystem()
        let (task, tokens) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        // An indicator for the Chỉ tiêu page.
        _ = try await system.client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75-25246", planNumber: "27-KH/ĐU", code: "CDS-01", name: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
            group: "Phát triển chuyển đổi số", measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio,
            frequency: .quarter, baselineOn: "2026-01-01"), token: tokens[.reviewer])

        let staff = try await Self.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/nhiem-vu/\(task)")
        try await staff.element("#progress-percent", timeout: 20).clear()
        try await staff.element("#progress-percent").type("40")
        try await staff.element("#progress-note").type("Đã khảo sát 3 thôn, chờ nhà mạng lắp trạm")
        try await staff.deleteAllCookies()  // the session ends (as after a gateway restart or a long break)
        try await staff.element("#progress-submit").click()
        _ = try await staff.element("dialog#relogin[open]", timeout: 20)
        #expect(try await staff.element("#progress-note").property("value") == "Đã khảo sát 3 thôn, chờ nhà mạng lắp trạm")
        try await staff.screenshot("08-dang-nhap-lai")
        try await staff.element("#relogin-password").type(HTTPSideTests.password)
        try await staff.element("#relogin-submit").click()
        try await staff.waitForText("Đã cập nhật tiến độ", in: "#status", timeout: 20)
        await staff.close()
        let saved = try await system.client.call(TasksHistory.self, TaskRef(taskId: task, unitId: "vn-75-25246-pkt"), token: tokens[.staff])
        #expect(saved.events.last?.percent == 40 && saved.events.last?.note == "Đã khảo sát 3 thôn, chờ nhà mạng lắp trạm")
        #expect(saved.events.filter { $0.kind == .progress }.count == 1, "sent once, after logging in again")

        let reviewer = try await Self.loggedIn("vp.binhtan", base: base)
        try await reviewer.open(base + "/#/chi-tieu")
        _ = try await reviewer.element(#"main[data-page="chi-tieu"][data-loaded="true"] .kpi-row"#, timeout: 20)
        try await reviewer.screenshot("09-chi-tieu")
        await reviewer.close()
        let admin = try await Self.loggedIn("admin", password: TestSystem.adminPassword, base: base)
        try await admin.open(base + "/#/nhat-ky")
        _ = try await admin.element(#"main[data-page="nhat-ky"][data-loaded="true"]"#, timeout: 20)
        try await admin.waitForText("tasks.progress", in: "main", timeout: 20)
        try await admin.screenshot("10-nhat-ky")
        await admin.close()
        #expect(await system.stop() == 0)
    }

    @Test("A ratio indicator reported in the browser: numerator and denominator, a PDF, saved as staff, sent by the head")
    func kpiThroughTheConsole() async throws {
        let system = try await TestSystem()  // the browser's today and the system's are the same day
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        let indicator = try await system.client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75-25246-pkt", code: "KT-01", name: "Tỷ lệ doanh nghiệp nộp thuế điện tử", group: "Chuyển đổi số",
            measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio, frequency: .quarter,
            baselineOn: "2026-01-01"), token: tokens[.reviewer])
        let staff = try await Self.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/chi-tieu/\(indicator.id)")
        _ = try await staff.element("#kpi-numerator", timeout: 20)
        let period = try #require(try await staff.element("#kpi-period").property("value"))
        #expect(period == Self.lastEndedQuarter(), "the form opens on the last quarter that has ended")
        try await staff.element("#kpi-numerator").type("61")
        try await staff.element("#kpi-denominator").type("112")
        try await staff.waitForText("54,46", in: "#kpi-percent", timeout: 10)
        let pdf = "\(system.root)/so-lieu.pdf"
        #expect(FileManager.default.createFile(atPath: pdf, contents: Data(Array("%PDF-1.4\n% Số liệu thuế điện tử\n".utf8) + [UInt8](repeating: 0x20, count: 4000))))
        try await staff.element("#evidence-input").type(pdf)
        _ = try await staff.element("#evidence-list li[data-evidence]", timeout: 20)
        try await staff.element("#kpi-submit").click()
        try await staff.waitForText("Đã lưu báo cáo", in: "#status", timeout: 20)
        try await staff.screenshot("11-bao-cao-chi-tieu")
        await staff.close()
        let head = try await Self.loggedIn("tp.pkt", base: base)
        try await head.open(base + "/#/chi-tieu/\(indicator.id)")
        try await head.element("#kpi-send", timeout: 20).click()
        try await head.waitForText("đi thẩm định", in: "#status", timeout: 20)
        await head.close()
        let stored = try await system.client.call(MetricsIndicatorGet.self, .init(indicatorId: indicator.id, unitId: "vn-75-25246-pkt"),
                                                  token: tokens[.staff])
        let report = try #require(stored.reports.first { $0.period == period })
        #expect(report.state == .submitted && report.numerator == 61 && report.denominator == 112 && report.evidenceIds.count == 1)
        #expect(abs(report.value - 6100.0 / 112) < 1e-9)
        #expect(await system.stop() == 0)
    }

    @Test("The public page works without logging in, on an office screen and on a phone")
    func publicPage() async throws {
        let system = try await TestSystem()
        _ = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        for (name, width, height) in [("01-cong-khai", 1366, 768), ("01-cong-khai-dien-thoai", 390, 844)] {
            let visitor = try await Browser(width: width, height: height, screenshotsFolder: Self.screenshots)
            try await visitor.open(base + "/#/cong-khai")
            _ = try await visitor.element(#"main[data-page="cong-khai"][data-loaded="true"]"#, timeout: 20)
            try await visitor.waitForText("27-KH/ĐU", in: ".public-plan", timeout: 20)
            #expect(try await visitor.cookies().isEmpty, "nobody logged in")
            let overflow = try await visitor.execute("return document.documentElement.scrollWidth > window.innerWidth")
            #expect(overflow == .bool(false), "no sideways scrolling at \(width) px")
            try await visitor.screenshot(name)
            await visitor.close()
        }
        #expect(await system.stop() == 0)
    }

    @Test("After an admin's reset, the console asks for a new password first, on an office screen and a phone; then work goes on")
    func forcedPasswordChange() async throws {
        let system = try await TestSystem()
        _ = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        let admin = try await system.login()
        for (size, width, height) in [("", 1366, 768), ("-dien-thoai", 390, 844)] {
            let temporary = "tam-thoi-\(UUID().uuidString.prefix(8))"
            _ = try await system.client.call(AuthUsersResetPassword.self, .init(username: "cv.pkt", password: temporary), token: admin)
            let browser = try await Browser(width: width, height: height, screenshotsFolder: Self.screenshots)
            try await browser.open(base + "/")
            try await browser.element("#login-username").type("cv.pkt")
            try await browser.element("#login-password").type(temporary)
            try await browser.element("#login-submit").click()
            _ = try await browser.element(#"main[data-page="doi-mat-khau"][data-loaded="true"]"#, timeout: 20)
            _ = try await browser.element("#password-required")
            // Going elsewhere still lands on the form.
            try await browser.open(base + "/#/nhiem-vu")
            _ = try await browser.element(#"main[data-page="doi-mat-khau"][data-loaded="true"]"#, timeout: 20)
            try await browser.screenshot("08-doi-mat-khau\(size)")
            // A mismatch is said plainly, and nothing is sent.
            try await browser.element("#password-current").type(temporary)
            try await browser.element("#password-new").type("mat-khau-moi-cua-toi")
            try await browser.element("#password-again").type("mat-khau-khac-han")
            try await browser.element("#password-submit").click()
            try await browser.waitForText("không khớp", in: "#password-error", timeout: 5)
            try await browser.element("#password-again").clear()
            try await browser.element("#password-again").type("mat-khau-moi-cua-toi")
            try await browser.element("#password-submit").click()
            // The page they asked for opens once the password is changed.
            do {
                _ = try await browser.element(#"main[data-page="nhiem-vu"][data-loaded="true"]"#, timeout: 20)
                try await browser.waitForText("Đã đổi mật khẩu", in: "#status", timeout: 5)
            } catch {
                let text = try? await browser.execute("return document.body.innerText.slice(0, 1500)")
                Issue.record("the task list did not load after the change: \(String(describing: text))")
                throw error
            }
            let overflow = try await browser.execute("return document.documentElement.scrollWidth > window.innerWidth")
            #expect(overflow == .bool(false), "no sideways scrolling at \(width) px")
            await browser.close()
            // The new password works, the temporary one no longer does.
            _ = try await system.login("cv.pkt", password: "mat-khau-moi-cua-toi")
            #expect(await errorCode { _ = try await system.login("cv.pkt", password: temporary) } == .unauthenticated)
            _ = try await system.client.call(AuthUsersResetPassword.self, .init(username: "cv.pkt", password: HTTPSideTests.password),
                                             token: admin)
        }
        #expect(await system.stop() == 0)
    }
}
