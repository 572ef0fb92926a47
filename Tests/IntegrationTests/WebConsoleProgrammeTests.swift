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
}
