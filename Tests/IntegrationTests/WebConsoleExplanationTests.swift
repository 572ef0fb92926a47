import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// Yêu cầu giải trình in a real headless Chromium: a provincial leader asks, from the task's red flag, the lead
/// unit to explain; its head finds the request on the Giải trình page (at phone size) and answers; the answer shows
/// on the task page; a unit's staff are offered neither asking nor answering.
@Suite(.serialized, .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable),
                             "needs chromium and chromium-driver (installed by .ci/run; CI=true: required)"))
struct WebConsoleExplanationTests {
    @Test("A leader asks for an explanation from an overdue task's page; the head answers on the Giải trình page; both see the answer")
    func askAndAnswer() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-12-07"])
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let client = system.client
        try await HTTPSideTests.addProvincialLeader(system)
        let plan = try #require(try await client.call(TasksPlanList.self, .init(unitId: "vn-75-25246"), token: tokens[.reviewer]).plans.first)
        let late = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Lắp camera an ninh các ấp",
                                                                 leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 11 năm 2026"),
                                         token: tokens[.reviewer])
        let base = try await system.httpAddress()

        let leader = try await WebConsoleTests.loggedIn("ld.tinh", base: base)
        try await leader.open(base + "/#/nhiem-vu/\(late.id)")
        try await leader.element(#"button.explain-open[data-rule="overdue"]"#, timeout: 20).click()
        try await leader.element("#explain-question-overdue").type("Vì sao chưa lắp xong camera theo hạn 30/11/2026? Nêu giải pháp và thời hạn mới.")
        try await leader.element(#"form.explain-form[data-key="overdue"] button.explain-submit"#).click()
        _ = try await leader.element(#"#task-explanations li.explanation[data-state="awaiting"]"#, timeout: 20)
        #expect(try await leader.elements(#"button.explain-open[data-rule="overdue"]"#).isEmpty, "one open request per flag")
        try await leader.screenshot("13-yeu-cau-giai-trinh")

        // From the Giải trình tab: the red flags below that have no open request, the camera task's no longer among them.
        let second = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Số hóa hồ sơ địa chính",
                                                                   leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 10 năm 2026"),
                                           token: tokens[.reviewer])
        try await leader.open(base + "/#/giai-trinh")
        let choice = try await leader.element("#explain-flag", timeout: 20)
        let offered = try await leader.execute("return [...document.querySelectorAll('#explain-flag option')].map((o) => o.textContent).join('\\n')")
        #expect(offered.stringValue?.contains("Số hóa hồ sơ địa chính") == true, "\(offered)")
        #expect(offered.stringValue?.contains("Lắp camera an ninh các ấp") == false, "one open request per flag")
        #expect(try await choice.property("value") == "0")
        _ = try await leader.execute(#"""
            const select = document.getElementById('explain-flag');
            select.value = [...select.options].find((o) => o.textContent.includes('Số hóa hồ sơ địa chính')).value;
            """#)
        try await leader.element("#explain-question-moi").type("Đề nghị giải trình việc chậm số hóa hồ sơ.")
        try await leader.element(#"form.explain-form[data-key="moi"] button.explain-submit"#).click()
        try await leader.waitForText("Đề nghị giải trình việc chậm số hóa hồ sơ.", in: "#explanations")
        #expect(try await leader.elements("#explanations li.explanation").count == 2)
        try await leader.screenshot("13-giai-trinh-danh-sach")
        await leader.close()
        let asked = try await client.call(TasksExplanationList.self, .init(unitId: "vn-75-25246", itemId: second.id), token: tokens[.reviewer])
        #expect(asked.requests.map(\.rule) == ["overdue"])

        let head = try await KPIPeriodConsoleTests.loggedIn("tp.pkt", base: base, width: 390, height: 844)
        try await head.open(base + "/#/giai-trinh")
        let request = try #require(try await client.call(TasksExplanationList.self, .init(unitId: "vn-75-25246", itemId: late.id),
                                                         token: tokens[.reviewer]).requests.first)
        try await head.element(#"#explanations li.explanation[data-id="\#(request.id)"] a.answer-link"#, timeout: 20).click()
        try await head.element("#explanation-answer").type("Nhà thầu chậm giao thiết bị; đã gia hạn hợp đồng, hoàn thành trước 31/12/2026.")
        try await head.screenshot("14-tra-loi-giai-trinh-dien-thoai")
        try await head.element("#explanation-submit").click()
        _ = try await head.element(#"#explanations li.explanation[data-id="\#(request.id)"][data-state="answered"]"#, timeout: 20)
        try await head.waitForText("Nhà thầu chậm giao thiết bị", in: "#explanations")
        await head.close()

        let answered = try await client.call(TasksExplanationList.self, .init(unitId: "vn-75-25246", itemId: late.id), token: tokens[.reviewer])
        #expect(answered.requests.map(\.state) == [.answered])
        #expect(answered.requests.first?.answeredBy == "tp.pkt")

        // Staff of the unit see the request and its answer on the task page, and no way to ask or answer.
        let staff = try await WebConsoleTests.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/nhiem-vu/\(late.id)")
        _ = try await staff.element(#"#task-explanations li.explanation[data-state="answered"]"#, timeout: 20)
        #expect(try await staff.elements("button.explain-open, a.answer-link").isEmpty)
        #expect(try await staff.execute(#"return document.querySelector('#nav a[data-nav="giai-trinh"]').parentElement.hidden"#) == .bool(true),
                "no Giải trình tab for staff")
        await staff.close()

        // The same from the command line: an aligned table naming the unit and the rule in words.
        let common = ["--data", system.root, "--session", "\(system.root)/ld.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "ld.tinh", "--password-stdin"] + common, input: "\(HTTPSideTests.password)\n")
        #expect(login.status == 0, "\(login.stderr)")
        let listed = try await ChildProcess.run("nq57", ["explain", "list", "--unit", "vn-75-25246"] + common)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("ĐƠN VỊ GIẢI TRÌNH") && listed.stdout.contains("Phòng Kinh tế") && listed.stdout.contains("Quá hạn"),
                "\(listed.stdout)")
        #expect(!listed.stdout.contains("vn-75-25246-pkt") && !listed.stdout.contains("\t"))
        #expect(await system.stop() == 0)
    }
}
