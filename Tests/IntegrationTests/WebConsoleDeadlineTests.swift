import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// A task without a deadline on its page in the console: "Chưa xác định thời hạn" with the plan's
/// wording and the discrepancy note; the "Đặt thời hạn" form only for those the server offers it to.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct WebConsoleDeadlineTests {
    @Test("Staff see chưa xác định thời hạn without the form; the reviewer sets the deadline with a reason; the history shows it")
    func undatedTask() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-11-24"])
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        let client = system.client
        let plan = try #require(try await client.call(TasksPlanList.self, .init(unitId: "vn-75-25246"), token: tokens[.reviewer]).plans.first)
        let undated = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Quán triệt Nghị quyết 57",
                                                                    leadUnitId: "vn-75-25246-pkt", timeText: nil), token: tokens[.reviewer])
        let early = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Thành lập tổ công nghệ số",
                                                                  leadUnitId: "vn-75-25246-pkt", timeText: "Quý III năm 2026"), token: tokens[.reviewer])

        let staff = try await WebConsoleTests.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/nhiem-vu/\(undated.id)")
        try await staff.waitForText("Chưa xác định thời hạn", in: #"#task-deadline[data-kind="undetermined"]"#, timeout: 20)
        _ = try await staff.element(#"#task-flags li[data-rule="noDeadline"][data-level="yellow"]"#)
        #expect(try await staff.elements("#deadline-form").isEmpty, "staff of the lead unit are not offered the form")
        try await staff.open(base + "/#/nhiem-vu/\(early.id)")
        try await staff.waitForText("Quý III năm 2026", in: "#task-time-text", timeout: 20)
        try await staff.waitForText("Thời hạn ghi trong văn bản (30/09/2026) trước ngày ban hành kế hoạch (01/11/2026)", in: "#task-deadline-note")
        try await staff.screenshot("08-nhiem-vu-thoi-han-truoc-ke-hoach")
        await staff.close()

        let reviewer = try await WebConsoleTests.loggedIn("vp.binhtan", base: base)
        try await reviewer.open(base + "/#/nhiem-vu/\(undated.id)")
        _ = try await reviewer.element("#deadline-form", timeout: 20)
        try await reviewer.screenshot("09-dat-thoi-han")
        // Without a reason the form says so and nothing is sent.
        _ = try await reviewer.execute("document.querySelector('#deadline-day').value = arguments[0]", ["2027-03-31"])
        try await reviewer.element("#deadline-submit").click()
        try await reviewer.waitForText("Cần nêu lý do", in: "#deadline-form", timeout: 20)
        try await reviewer.element("#deadline-reason").type("Ban Chỉ đạo thống nhất tại cuộc họp ngày 20/11/2026")
        try await reviewer.element("#deadline-submit").click()
        try await reviewer.waitForText("31/03/2027", in: #"#task-deadline[data-kind="due"]"#, timeout: 20)
        _ = try await reviewer.element(#"tr[data-kind="setDeadline"]"#, timeout: 20)
        try await reviewer.waitForText("— → 31/03/2027", in: #"tr[data-kind="setDeadline"]"#)
        try await reviewer.screenshot("10-da-dat-thoi-han")
        await reviewer.close()

        let history = try await client.call(TasksHistory.self, TaskRef(taskId: undated.id, unitId: "vn-75-25246-pkt"), token: tokens[.staff]).events
        #expect(history.map(\.kind.rawValue) == ["setDeadline"] && history.first?.username == "vp.binhtan")
        #expect(await system.stop() == 0)
    }
}
