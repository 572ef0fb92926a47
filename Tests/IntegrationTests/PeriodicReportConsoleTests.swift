import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// The periodic report in a real headless Chromium: the commune's reviewer opens Báo cáo for the
/// quarter under way, reads every part, prints it to PDF on A4 (a sensible number of pages, each
/// table's header repeated rather than a table cut loose from it), and downloads the XLSX.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct PeriodicReportConsoleTests {
    @Test("Báo cáo định kỳ: five parts on screen at office and phone sizes, a few A4 pages in print, an XLSX to download")
    func reportPrintsOnA4() async throws {
        let system = try await TestSystem()
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let plan = try await system.client.call(TasksPlanCreate.self, .init(
            number: "28-KH/ĐU", title: "Kế hoạch chuyển đổi số năm 2026", issuingUnitId: "vn-75-25246", issuedOn: "2026-01-05", implements: [],
            groups: [TaskGroupInfo(code: "I", title: "Nâng cao nhận thức")]), token: tokens[.reviewer])
        for index in 1...40 {
            _ = try await system.client.call(TasksCreate.self, .init(
                planId: plan.id, groupCode: "I", title: "Nhiệm vụ số \(index): tuyên truyền, phổ biến Nghị quyết 57-NQ/TW đến cán bộ, đảng viên và nhân dân ấp \(index)",
                leadUnitId: "vn-75-25246-pkt", timeText: index % 2 == 0 ? "Hoàn thành trong tháng 10 năm 2026" : "Quý IV năm 2026"),
                token: tokens[.reviewer])
        }
        let quarter = KPIPeriodConsoleTests.currentQuarter()
        let base = try await system.httpAddress()

        let browser = try await KPIPeriodConsoleTests.loggedIn("vp.binhtan", base: base)
        try await browser.open(base + "/#/bao-cao/\(quarter)")
        _ = try await browser.element(#"#report[data-period="\#(quarter)"]"#, timeout: 30)
        let titles = try await browser.execute("return [...document.querySelectorAll('.report-part h2')].map(e => e.textContent)", [])
        #expect(titles.arrayValue?.count == 5)
        let taskRows = try await browser.execute("return document.querySelectorAll('#report-part-1 tbody tr').length", [])
        #expect(taskRows.doubleValue == 41, "the setup's task and forty more")
        let unitCell = try await browser.execute("return document.querySelector('#report-part-1 tbody td[data-label=\"Cơ quan chủ trì\"]').textContent", [])
        #expect(unitCell.stringValue == "Phòng Kinh tế", "a name where people read, not vn-75-25246-pkt")
        try await browser.screenshot("bao-cao-1366")

        let (path, pages) = try await browser.printPDF("bao-cao-\(quarter)", landscape: true)
        #expect(pages >= 2 && pages <= 12, "\(pages) A4 pages for 41 long tasks and four short parts (\(path)); 9 when written")

        let xlsx = try await browser.execute("return document.getElementById('report-xlsx').getAttribute('href')", [])
        #expect(xlsx.stringValue?.hasPrefix("/export/report?") == true)
        await browser.close()

        let phone = try await KPIPeriodConsoleTests.loggedIn("vp.binhtan", base: base, width: 390, height: 844)
        try await phone.open(base + "/#/bao-cao/\(quarter)")
        _ = try await phone.element(#"#report[data-period="\#(quarter)"]"#, timeout: 30)
        try await phone.screenshot("bao-cao-390")
        await phone.close()

        // The same report as XLSX over HTTP with the reviewer's session.
        let http = HTTPTestClient(base: base)
        let (cookie, _) = try await http.login("vp.binhtan", password: HTTPSideTests.password)
        let response = try await http.send("GET", "/export/report?unitId=vn-75-25246&period=\(quarter)&format=xlsx", headers: cookie)
        #expect(response.status == 200)
        #expect(response.body.prefix(2) == Data("PK".utf8), "a zip: an XLSX")
    }
}
