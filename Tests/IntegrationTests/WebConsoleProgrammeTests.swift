import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// The console's programme selector in a real headless Chromium: the choice in the URL filters the pages, and
/// choosing "all" again shows everything.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct WebConsoleProgrammeTests {
    @Test("A link with ?chuong-trinh=nq71 opens the task list of NQ 71 only; choosing all programmes shows the 57 plan's task again")
    func selectorFiltersTheTaskList() async throws {
        let system = try await TestSystem()
        let (task, _) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        let reviewer = try await WebConsoleTests.loggedIn("vp.binhtan", base: base)
        try await reviewer.open(base + "/?chuong-trinh=nq71#/nhiem-vu")
        _ = try await reviewer.element(#"main[data-page="nhiem-vu"][data-loaded="true"]"#, timeout: 20)
        #expect(try await reviewer.element("#programme-select").property("value") == "nq71")
        #expect(try await reviewer.elements(#"tr.task-row[data-task="\#(task)"]"#).isEmpty, "the task is in a 57 plan only")
        try await reviewer.screenshot("11-chuong-trinh-nq71")

        _ = try await reviewer.execute("""
            const select = document.getElementById('programme-select');
            select.value = '';
            select.dispatchEvent(new Event('change'));
            """)
        _ = try await reviewer.element(#"tr.task-row[data-task="\#(task)"]"#, timeout: 20)
        #expect(try await reviewer.execute("return window.location.search") == .string(""))
        await reviewer.close()
        #expect(await system.stop() == 0)
    }

    @Test("The task page lists the task's plans; the reviewer links it into the NQ 71 plan and unlinks it again; staff are offered neither")
    func linkAndUnlinkOnTheTaskPage() async throws {
        let system = try await TestSystem()
        let (task, tokens) = try await HTTPSideTests.setUp(system)
        let plan71 = try await system.client.call(TasksPlanCreate.self, .init(
            number: "30-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 71-NQ/TW", issuingUnitId: "vn-75-25246", issuedOn: "2026-11-02",
            implements: [], groups: [TaskGroupInfo(code: "I", title: "Chuyển đổi số trong giáo dục")], programme: "nq71"),
            token: tokens[.reviewer])
        let base = try await system.httpAddress()
        let reviewer = try await WebConsoleTests.loggedIn("vp.binhtan", base: base)
        try await reviewer.open(base + "/#/nhiem-vu/\(task)")
        _ = try await reviewer.element(#"#task-plans li.task-plan[data-home="true"]"#, timeout: 20)
        #expect(try await reviewer.element("#link-plan").property("value") == plan71.id)
        try await reviewer.element("#link-plan-submit").click()
        _ = try await reviewer.element(#"#task-plans li.task-plan[data-plan="\#(plan71.id)"][data-home="false"]"#, timeout: 20)
        #expect(try await reviewer.elements("#link-plan-form").isEmpty, "no other plan left to link into")
        try await reviewer.waitForText("NQ 71", in: "#task-plans")
        try await reviewer.screenshot("12-nhiem-vu-hai-ke-hoach")
        let linked = try await system.client.call(TasksGet.self, .init(taskId: task, unitId: "vn-75-25246"), token: tokens[.reviewer])
        #expect(linked.linkedPlanIds == [plan71.id] && linked.programmes == ["nq57", "nq71"])

        try await reviewer.element(#"li.task-plan[data-plan="\#(plan71.id)"] button.unlink-plan"#).click()
        _ = try await reviewer.element("#link-plan-form", timeout: 20)
        #expect(try await reviewer.elements(#"#task-plans li.task-plan"#).count == 1)
        await reviewer.close()

        // Staff of the lead unit see the plans, and no link or unlink.
        let staff = try await WebConsoleTests.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/nhiem-vu/\(task)")
        _ = try await staff.element(#"#task-plans li.task-plan[data-home="true"]"#, timeout: 20)
        #expect(try await staff.elements("#link-plan-form, button.unlink-plan").isEmpty)
        await staff.close()
        #expect(await system.stop() == 0)
    }
}
