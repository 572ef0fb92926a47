import Foundation
import NQ57API
import NQ57TestSupport
import NQ57WebDriver
import Testing

/// Bad files over HTTP and in the console (issue 16 item 6): an empty file, a program and a
/// file over the limit are each refused with a Vietnamese message naming the limit and the
/// accepted types, never the wire's "bulk"; nothing is left in the evidence store; the drop
/// zone shows the server's limit and types before anyone uploads.
@Suite(.serialized)
struct UploadRefusalsThroughGatewayTests {
    /// Every file under the evidence service's blob store (finished objects and uploads in progress).
    static func storedFiles(_ system: TestSystem) -> [String] {
        let root = "\(system.root)/evidence/blobs"
        let walker = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let name = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(root)/\(name)", isDirectory: &isFolder), !isFolder.boolValue { found.append(name) }
        }
        return found
    }

    static func message(_ reply: HTTPTestClient.Reply) -> String {
        ((reply.json?["error"] as? [String: Any])?["message"] as? String) ?? reply.text
    }

    @Test("Empty, a program, over 1 MiB: each refused plainly with the limit and the types; nothing stored; the rules over the API")
    func refusalsOverHTTP() async throws {
        let system = try await TestSystem(environment: ["NQ57_EVIDENCE_MAX_MIB": "1"])
        let (_, tokens) = try await HTTPSideTests.setUp(system)
        let http = HTTPTestClient(base: try await system.httpAddress())
        let (cookie, csrf) = try await http.login("cv.pkt", password: HTTPSideTests.password)
        let headers = cookie.merging(["X-CSRF-Token": csrf, "Content-Type": "application/octet-stream"]) { a, _ in a }
        let rule = "Chỉ nhận tệp PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument (DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT), "
            + "mỗi tệp từ 1 byte đến 1 MiB."
        let path = "/api/evidence/upload?unitId=vn-75-25246-pkt&supports=task:x&fileName="

        let empty = try await http.send("POST", path + "bien-ban.pdf", body: Data(), headers: headers)
        #expect(empty.status == 400 && empty.errorCode == "invalid_argument" && empty.errorField == "file")
        #expect(Self.message(empty) == "Tệp \"bien-ban.pdf\" rỗng (0 byte), không có gì để lưu. " + rule)

        let program = try await http.send("POST", path + "setup.exe", body: Data(Array("MZ".utf8) + [UInt8](repeating: 0x90, count: 4000)),
                                          headers: headers)
        #expect(program.status == 400 && program.errorField == "file")
        #expect(Self.message(program).hasPrefix("Không nhận ra loại của tệp \"setup.exe\""))
        #expect(Self.message(program).hasSuffix(rule))

        let big = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: (1 << 20) + (1 << 19))
        let tooLarge = try await http.send("POST", path + "anh.png", body: Data(big), headers: headers)
        #expect(tooLarge.errorCode == "resource_exhausted" && tooLarge.errorField == "file")
        #expect(Self.message(tooLarge) == "Tệp \"anh.png\" lớn hơn giới hạn 1 MiB cho mỗi tệp nên không được lưu. " + rule)
        #expect(Self.storedFiles(system) == [], "nothing of the refused files is kept")

        let rules = try await system.client.call(EvidenceLimits.self, Empty(), token: tokens[.staff])
        #expect(rules.maxBytes == 1 << 20 && rules.summary == rule && rules.noteMaxCharacters == 4000)
        #expect(await errorCode { _ = try await system.client.call(EvidenceLimits.self, Empty(), token: nil) } == .unauthenticated)
        #expect(await system.stop() == 0)
    }

    @Test("The drop zone shows the server's limit and types before upload; an empty file and a program are refused in plain words",
          .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable), "needs chromium and chromium-driver"))
    func dropZoneInTheBrowser() async throws {
        let system = try await TestSystem(environment: ["NQ57_EVIDENCE_MAX_MIB": "1"])
        let (task, _) = try await HTTPSideTests.setUp(system)
        let base = try await system.httpAddress()
        let staff = try await KPIPeriodConsoleTests.loggedIn("cv.pkt", base: base)
        try await staff.open(base + "/#/nhiem-vu/\(task)")
        try await staff.waitForText("mỗi tệp từ 1 byte đến 1 MiB", in: "#evidence-rules", timeout: 20)
        let shown = try await staff.element("#evidence-rules").text
        #expect(shown.hasPrefix("Chỉ nhận tệp PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument"))
        #expect(try await staff.element("#evidence-drop").text.contains("PDF, ảnh, văn bản") == false, "no promise of the console's own")
        #expect(try await staff.element("#evidence-input").attribute("accept")?.contains(".pdf") == true)

        let empty = "\(system.root)/trong.pdf"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        try await staff.element("#evidence-input").type(empty)
        try await staff.waitForText("rỗng (0 byte)", in: ".progress-text", timeout: 10)
        let program = "\(system.root)/setup.exe"
        #expect(FileManager.default.createFile(atPath: program, contents: Data(Array("MZ".utf8) + [UInt8](repeating: 0x90, count: 3000))))
        try await staff.element("#evidence-input").type(program)
        try await staff.waitForText("Không nhận ra loại của tệp \"setup.exe\"", in: ".progress-text", timeout: 20)
        #expect(try await staff.elements("#evidence-list li[data-evidence]").isEmpty)
        try await staff.screenshot("13-tai-tep-bi-tu-choi")
        await staff.close()
        #expect(Self.storedFiles(system) == [])
        #expect(await system.stop() == 0)
    }
}
