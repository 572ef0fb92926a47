import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// The bell and the Thông báo page in a real headless Chromium: after the morning's run the head of a unit with an
/// overdue task sees an unread count on the bell, the reminder in the list, marks it read, and the count goes.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct WebConsoleNotificationTests {
    @Test("An overdue task's head: unread count on the bell, the reminder on Thông báo, marked read, the count gone")
    func bellAndNotificationsPage() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-12-02"])
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let client = system.client
        let admin = try await system.login()
        let plan = try #require(try await client.call(TasksPlanList.self, .init(unitId: "vn-75-25246"), token: tokens[.reviewer]).plans.first)
        let late = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Lắp camera an ninh các ấp",
                                                                 leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 11 năm 2026"),
                                         token: tokens[.reviewer])
        // Two days after its deadline: the head of the lead unit is told (the steering members only once escalated).
        let run = try await client.call(TasksRemindersRun.self, .init(), token: admin)
        #expect(run.raised > 0)
        let base = try await system.httpAddress()

        for (width, height, suffix) in [(390, 844, "-dien-thoai"), (1366, 900, "")] {
            let head = try await KPIPeriodConsoleTests.loggedIn("tp.pkt", base: base, width: width, height: height)
            let count = try await head.element("#notif-count:not([hidden])", timeout: 20)
            let unread = Int(try await count.property("textContent") ?? "") ?? 0
            #expect(unread >= 1)
            try await head.element("#notif-bell").click()
            _ = try await head.element(#"main[data-page="thong-bao"][data-loaded="true"]"#, timeout: 20)
            try await head.waitForText(late.title, in: "main")
            try await head.screenshot("15-thong-bao\(suffix)")
            if suffix.isEmpty {
                let rows = try await head.elements(#"tr.reminder-row[data-read="false"] button.mark-read"#)
                #expect(rows.count == unread)
                for _ in 0..<unread {
                    try await head.element(#"tr.reminder-row[data-read="false"] button.mark-read"#).click()
                    try await Task.sleep(for: .milliseconds(300))
                }
                _ = try await head.element("#notif-count[hidden]", timeout: 20)
                #expect(try await head.elements(#"tr.reminder-row[data-read="false"]"#).isEmpty)
            }
            await head.close()
        }
        #expect(await system.stop() == 0)
    }
}
