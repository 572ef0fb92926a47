import Foundation
import NIOCore
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import NQ57Wire
import Testing

/// The KPI form in a real headless Chromium shows the figures of the period chosen: choosing
/// another quarter replaces the numbers and the note on screen, a save keeps that quarter chosen,
/// and the head who submits sees (and sends) the quarter they picked.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct KPIPeriodConsoleTests {
    /// The key of the quarter under way in Vietnam ("2026-Q4" on 07/12/2026).
    static func currentQuarter(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return "\(parts.year!)-Q\((parts.month! - 1) / 3 + 1)"
    }

    /// A browser of `width`×`height` logged in as `username`, on the dashboard.
    static func loggedIn(_ username: String, base: String, width: Int = 1366, height: Int = 900,
                         password: String = HTTPSideTests.password) async throws -> Browser {
        let browser = try await Browser(width: width, height: height, screenshotsFolder: WebConsoleTests.screenshots)
        try await browser.open(base + "/")
        try await browser.element("#login-username").type(username)
        try await browser.element("#login-password").type(password)
        try await browser.element("#login-submit").click()
        _ = try await browser.element(#"main[data-page="tong-quan"][data-loaded="true"]"#, timeout: 60)
        return browser
    }

    /// A small PDF stored as evidence of `unitId`.
    static func uploadPDF(_ client: RPCClient, unitId: String, token: String, name: String = "So lieu.pdf") async throws -> String {
        let pdf = Array("%PDF-1.4\n% số liệu \(name)\n".utf8)
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: unitId, fileName: name), token: token)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unitId, offset: 0), token: token,
                                  bulk: ByteBuffer(bytes: pdf))
        return try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unitId), token: token).id
    }

    /// Chooses `period` in the form's period list, as a person does.
    static func choose(_ period: String, in browser: Browser) async throws {
        try await browser.element("#kpi-period").click()
        try await browser.element(#"#kpi-period option[value="\#(period)"]"#).click()
        _ = try await browser.element(#"#kpi-report-state[data-period="\#(period)"]"#, timeout: 10)
    }

    @Test("Choosing Quý IV shows Q4's figures and note, a save stays on Q4, Q3 keeps its own; the head sends the quarter chosen")
    func formFollowsThePeriodChosen() async throws {
        let system = try await TestSystem()  // the browser's today and the system's are the same day
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let client = system.client
        let base = try await system.httpAddress()
        let unit = "vn-75-25246-pkt"
        let (q3, q4) = (WebConsoleTests.lastEndedQuarter(), Self.currentQuarter())
        let indicator = try await client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: unit, code: "CDS-02", name: "Tỷ lệ hồ sơ trực tuyến toàn trình", group: "Chuyển đổi số",
            measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio, frequency: .quarter,
            baselineOn: "2026-01-01"), token: tokens[.reviewer])
        for (period, numerator, note) in [(q3, 152.0, "Số liệu quý III theo sổ theo dõi"), (q4, 165.0, "Số liệu quý IV tạm tính")] {
            let evidence = try await Self.uploadPDF(client, unitId: unit, token: tokens[.staff]!)
            _ = try await client.call(MetricsReport.self, .init(indicatorId: indicator.id, unitId: unit, period: period, numerator: numerator,
                                                                denominator: 259, note: note, evidenceIds: [evidence]), token: tokens[.staff])
        }

        let staff = try await Self.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/chi-tieu/\(indicator.id)")
        _ = try await staff.element(#"#kpi-report-state[data-period="\#(q3)"]"#, timeout: 20)
        #expect(try await staff.element("#kpi-numerator").property("value") == "152")
        #expect(try await staff.element("#kpi-note").property("value") == "Số liệu quý III theo sổ theo dõi")

        try await Self.choose(q4, in: staff)
        #expect(try await staff.element("#kpi-numerator").property("value") == "165", "Q4's numerator, not Q3's")
        #expect(try await staff.element("#kpi-denominator").property("value") == "259")
        #expect(try await staff.element("#kpi-note").property("value") == "Số liệu quý IV tạm tính", "Q4's note, not Q3's")
        try await staff.waitForText("63,71", in: "#kpi-percent")

        // Corrected and saved: the form stays on Q4 with the saved figures.
        try await staff.element("#kpi-numerator").clear()
        try await staff.element("#kpi-numerator").type("170")
        let pdf = "\(system.root)/so-lieu-quy-4.pdf"
        #expect(FileManager.default.createFile(atPath: pdf, contents: Data(Array("%PDF-1.4\n% Số liệu quý IV\n".utf8) + [UInt8](repeating: 0x20, count: 2000))))
        try await staff.element("#evidence-input").type(pdf)
        _ = try await staff.element("#evidence-list li[data-evidence]", timeout: 20)
        try await staff.element("#kpi-submit").click()
        try await staff.waitForText("Đã lưu báo cáo", in: "#status", timeout: 20)
        _ = try await staff.element(#"#kpi-report-state[data-period="\#(q4)"]"#, timeout: 20)
        #expect(try await staff.element("#kpi-period").property("value") == q4, "a save does not jump back to Q3")
        #expect(try await staff.element("#kpi-numerator").property("value") == "170")
        try await staff.screenshot("12-chi-tieu-quy-da-chon")

        // Back to Q3: its own figures, untouched by what was typed for Q4.
        try await Self.choose(q3, in: staff)
        #expect(try await staff.element("#kpi-numerator").property("value") == "152")
        #expect(try await staff.element("#kpi-note").property("value") == "Số liệu quý III theo sổ theo dõi")
        await staff.close()

        // The head, in a browser of their own (a phone), picks Q4 and sends what they see.
        let head = try await Self.loggedIn("tp.pkt", base: base, width: 390, height: 844)
        try await head.open(base + "/#/chi-tieu/\(indicator.id)")
        _ = try await head.element("#kpi-report-state", timeout: 20)
        try await Self.choose(q4, in: head)
        #expect(try await head.element("#kpi-numerator").property("value") == "170")
        try await head.screenshot("12-chi-tieu-quy-da-chon-dien-thoai")
        try await head.element("#kpi-send").click()
        try await head.waitForText("đi thẩm định", in: "#status", timeout: 20)
        _ = try await head.element(#"#kpi-report-state[data-period="\#(q4)"]"#, timeout: 20)
        #expect(try await head.element("#kpi-period").property("value") == q4)
        await head.close()

        let stored = try await client.call(MetricsIndicatorGet.self, .init(indicatorId: indicator.id, unitId: unit), token: tokens[.staff])
        let fourth = try #require(stored.reports.first { $0.period == q4 })
        let third = try #require(stored.reports.first { $0.period == q3 })
        #expect(fourth.state == .submitted && fourth.numerator == 170 && fourth.denominator == 259)
        #expect(third.state == .draft && third.numerator == 152 && third.note == "Số liệu quý III theo sổ theo dõi")
        #expect(await system.stop() == 0)
    }
}
