import Foundation
import NIOCore
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import NQ57Wire
import Testing

/// Drafts on the server (issue 16 item 2) through the real gateway: a draft's evidence is the
/// unit's on the server from any session; another unit's staff can neither list nor remove it;
/// in the console it survives a logout and a new browser, the head submits it, and after a
/// send-back it is carried into the new draft where a file is replaced.
@Suite(.serialized)
struct DraftsOnTheServerTests {
    static let unit = "vn-75-25246-pkt"

    static func upload(_ client: RPCClient, supports: String, token: String?, unit: String = unit, name: String) async throws -> EvidenceInfo {
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: unit, fileName: name, supports: supports), token: token)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unit, offset: 0), token: token,
                                  bulk: ByteBuffer(bytes: Array("%PDF-1.4\n% \(name)\n".utf8)))
        return try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unit), token: token)
    }

    @Test("Staff uploads, the head sees the same draft; another unit's staff gets permission_denied or not_found, and its own uploads stay its own")
    func otherUnits() async throws {
        let system = try await TestSystem()
        let (task, tokens) = try await HTTPSideTests.setUp(system)
        let client = system.client
        let item = "task:\(task)"
        let file = try await Self.upload(client, supports: item, token: tokens[.staff], name: "bien-ban.pdf")
        let listed = try await client.call(EvidenceAttached.self, .init(unitId: Self.unit, supports: item), token: tokens[.head])
        #expect(listed.files.map(\.id) == [file.id], "the head sees what staff uploaded, from another session")

        let other = tokens[.otherStaff]
        #expect(await errorCode { _ = try await client.call(EvidenceAttached.self, .init(unitId: Self.unit, supports: item), token: other) }
            == .permissionDenied)
        #expect(await errorCode { _ = try await client.call(EvidenceDetach.self, .init(id: file.id, unitId: Self.unit), token: other) }
            == .permissionDenied)
        #expect(await errorCode { _ = try await client.call(EvidenceDetach.self, .init(id: file.id, unitId: "vn-75-25195"), token: other) }
            == .notFound, "naming its own unit does not reach another unit's file")
        // Uploading "for" the task under its own unit puts nothing into the task's draft.
        _ = try await Self.upload(client, supports: item, token: other, unit: "vn-75-25195", name: "chen-vao.pdf")
        #expect(try await client.call(EvidenceAttached.self, .init(unitId: Self.unit, supports: item), token: tokens[.staff]).files.map(\.id)
            == [file.id])
        // The reviewer reads the draft but may not change it.
        #expect(await errorCode { _ = try await client.call(EvidenceDetach.self, .init(id: file.id, unitId: Self.unit), token: tokens[.reviewer]) }
            == .permissionDenied)
        _ = try await client.call(EvidenceDetach.self, .init(id: file.id, unitId: Self.unit), token: tokens[.head])
        #expect(try await client.call(EvidenceAttached.self, .init(unitId: Self.unit, supports: item), token: tokens[.staff]).files.isEmpty)
        #expect(try await client.call(EvidenceInfoGet.self, .init(unitId: Self.unit, ids: [file.id]), token: tokens[.reviewer]).files.count == 1,
                "removed from the draft, still stored")
        // A file taken off the draft cannot be slipped back into a claim by naming its id.
        #expect(await errorCode {
            _ = try await client.call(TasksClaim.self, .init(taskId: task, unitId: Self.unit, evidenceIds: [file.id]), token: tokens[.staff])
        } == .failedPrecondition)
        #expect(await system.stop() == 0)
    }

    @Test("Console: staff uploads a PDF and logs out; back in a new browser it is there; claims; the head submits; after a send-back the file is carried over and replaced",
          .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable), "needs chromium and chromium-driver"))
    func staffHeadJourney() async throws {
        let system = try await TestSystem()
        let (task, tokens) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        let pdf = { (name: String, text: String) -> String in
            let path = "\(system.root)/\(name)"
            _ = FileManager.default.createFile(atPath: path, contents: Data(Array("%PDF-1.4\n% \(text)\n".utf8) + [UInt8](repeating: 0x20, count: 3000)))
            return path
        }

        // Staff uploads and logs out before claiming.
        let staff = try await KPIPeriodConsoleTests.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/nhiem-vu/\(task)")
        _ = try await staff.element(#"#evidence-list[data-loaded="true"]"#, timeout: 20)
        try await staff.element("#evidence-input").type(pdf("bien-ban-lap-dat.pdf", "Biên bản lắp đặt trạm BTS"))
        _ = try await staff.element("#evidence-list li[data-evidence]", timeout: 20)
        try await staff.element("#logout").click()
        _ = try await staff.element("#login-username", timeout: 20)
        await staff.close()

        // Another browser, the same person: the file is on the server; the claim goes with it.
        let again = try await KPIPeriodConsoleTests.loggedIn("cv.pkt", base: base)
        try await again.open(base + "/#/nhiem-vu/\(task)")
        _ = try await again.element(#"#evidence-list[data-loaded="true"] li[data-evidence]"#, timeout: 20)
        #expect(try await again.element("#evidence-list").text.contains("bien-ban-lap-dat.pdf"))
        try await again.screenshot("14-minh-chung-con-tren-may-chu")
        try await again.element("#claim-note").type("Đã lắp đặt trạm BTS thôn 3.")
        try await again.element("#claim-submit").click()
        try await again.waitForText("Đã gửi đề nghị hoàn thành", in: "#status", timeout: 20)
        await again.close()

        // The head, in a session of their own, sees the draft's file and submits it.
        let head = try await KPIPeriodConsoleTests.loggedIn("tp.pkt", base: base)
        try await head.open(base + "/#/nhiem-vu/\(task)")
        _ = try await head.element(#"#evidence-list[data-loaded="true"] li[data-evidence]"#, timeout: 20)
        try await head.element("#submit-review", timeout: 20).click()
        _ = try await head.element(#"#task-state[data-state="submitted"]"#, timeout: 20)
        await head.close()

        let ref = TaskRef(taskId: task, unitId: Self.unit)
        _ = try await system.client.call(TasksReview.self, .init(taskId: task, unitId: Self.unit, decision: .sendBack,
                                                                 reason: "Biên bản chưa có chữ ký của nhà mạng"), token: tokens[.reviewer])

        // Sent back: the earlier file is in the new draft; staff replaces it and claims again.
        let rework = try await KPIPeriodConsoleTests.loggedIn("cv.pkt", base: base, width: 390, height: 844)
        try await rework.open(base + "/#/nhiem-vu/\(task)")
        let old = try #require(try await rework.element(#"#evidence-list[data-loaded="true"] li[data-evidence]"#, timeout: 20)
            .attribute("data-evidence"))
        // The reason is at the top of the page, under the task's name.
        try await rework.waitForText("Biên bản chưa có chữ ký của nhà mạng", in: ".send-back-reason", timeout: 10)
        #expect(try await rework.execute("return document.querySelector('.send-back-reason').getBoundingClientRect().top < window.innerHeight")
            == .bool(true), "seen without scrolling, on a phone")
        try await rework.screenshot("15-tra-lai-ly-do-dien-thoai")
        _ = try await rework.execute("document.querySelector('#evidence-list').scrollIntoView()")
        try await rework.screenshot("15-tra-lai-mang-theo-minh-chung-dien-thoai")
        try await rework.element(#"li[data-evidence="\#(old)"] .evidence-replace"#).click()
        try await rework.element("#evidence-replace-input").type(pdf("bien-ban-co-chu-ky.pdf", "Biên bản có chữ ký"))
        try await rework.waitForText("Đã thay bien-ban-lap-dat.pdf bằng bien-ban-co-chu-ky.pdf", in: ".progress-text", timeout: 20)
        #expect(try await rework.elements("#evidence-list li[data-evidence]").count == 1)
        #expect(try await rework.elements(#"#evidence-list li[data-evidence="\#(old)"]"#).isEmpty)
        try await rework.element("#claim-submit").click()
        try await rework.waitForText("Đã gửi đề nghị hoàn thành", in: "#status", timeout: 20)
        await rework.close()

        let drafted = try await system.client.call(EvidenceAttached.self, .init(unitId: Self.unit, supports: "task:\(task)"), token: tokens[.head])
        #expect(drafted.files.map(\.fileName) == ["bien-ban-co-chu-ky.pdf"])
        let history = try await system.client.call(TasksHistory.self, ref, token: tokens[.staff])
        #expect(history.events.last { $0.kind == .claim }?.evidenceIds == drafted.files.map(\.id), "the new claim carries the replacement only")
        #expect(await system.stop() == 0)
    }
}
