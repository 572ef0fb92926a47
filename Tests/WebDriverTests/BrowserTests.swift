import Foundation
import Testing
@testable import NQ57WebDriver

/// Starts a browser, runs `body`, and closes the browser even when `body` throws.
private func withBrowser<T>(
    width: Int = 1366, height: Int = 768, fixture: Fixture,
    _ body: (Browser) async throws -> T
) async throws -> T {
    let browser = try await Browser(width: width, height: height, screenshotsFolder: fixture.screenshots)
    do {
        let result = try await body(browser)
        await browser.close()
        return result
    } catch {
        await browser.close()
        throw error
    }
}

/// Big-endian UInt32 at `offset`.
private func uint32(_ data: Data, at offset: Int) -> UInt32 {
    data[data.startIndex + offset ..< data.startIndex + offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
}

@Suite("Headless Chromium via chromedriver", .serialized,
       .enabled(if: ContinuousIntegration.runs(needing: Browser.isAvailable), "needs chromium and chromium-driver (CI=true: required)"))
struct BrowserTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture() }

    @Test("form: Vietnamese title, typing, clicking, waiting for script output, upload")
    func formAndUpload() async throws {
        defer { fixture.remove() }
        try await withBrowser(fixture: fixture) { browser in
            try await browser.open(fixture.pageURL)
            #expect(try await browser.title == Fixture.title)
            #expect(try await browser.currentURL == fixture.pageURL)

            let input = try await browser.element("#name")
            try await input.type("Nguyễn Văn A")
            #expect(try await input.property("value") == "Nguyễn Văn A")
            try await browser.element("#go").click()
            try await browser.waitForText("Nguyễn Văn A", in: "#out")
            #expect(try await browser.element("#out").text == "Nguyễn Văn A")

            try await input.clear()
            #expect(try await input.property("value") == "")

            try await browser.element("#f").type(fixture.uploadPath)
            let name = (fixture.uploadPath as NSString).lastPathComponent
            try await browser.waitForText("\(name) (\(fixture.uploadSize) bytes)", in: "#file")

            #expect(try await browser.element("#f").attribute("type") == "file")
            #expect(try await browser.element("#f").attribute("data-missing") == nil)
            #expect(try await browser.element("h1").isDisplayed)
            #expect(try await browser.element("#hidden").isDisplayed == false)
            #expect(try await browser.elements("input").count == 2)
            #expect(try await browser.elements(".nothing").isEmpty)
        }
    }

    @Test("element() waits for an element added later by script")
    func elementWaits() async throws {
        defer { fixture.remove() }
        try await withBrowser(fixture: fixture) { browser in
            try await browser.open(fixture.pageURL)
            #expect(try await browser.elements("#late").isEmpty)
            _ = try await browser.execute("window.addLateSoon()")
            #expect(try await browser.element("#late", timeout: 15).text == "muộn")
        }
    }

    @Test("execute returns typed JSON; script errors surface as protocol errors")
    func execute() async throws {
        defer { fixture.remove() }
        try await withBrowser(fixture: fixture) { browser in
            try await browser.open(fixture.pageURL)
            #expect(try await browser.execute("return 1+2") == .number(3))
            #expect(try await browser.execute("return arguments[0] + '!'", ["xin chào"]) == .string("xin chào!"))
            #expect(try await browser.execute("return {a: [true, null, 'ư'], n: 1.5}")
                == .object(["a": .array([.bool(true), .null, .string("ư")]), "n": .number(1.5)]))
            #expect(try await browser.execute("document.title = 'x'") == .null)
            #expect(try await browser.execute("return document.documentElement.lang") == .string("vi"))
            #expect(try await browser.execute("return navigator.language") == .string("vi-VN"))

            do {
                _ = try await browser.execute("throw new Error('hỏng')")
                Issue.record("a throwing script should throw")
            } catch let WebDriverError.protocolError(status, error, message) {
                #expect(status == 500)
                #expect(error == "javascript error")
                #expect(message.contains("hỏng"))
            }
        }
    }

    @Test("screenshot writes a PNG of the window width")
    func screenshot() async throws {
        defer { fixture.remove() }
        try await withBrowser(fixture: fixture) { browser in
            try await browser.open(fixture.pageURL)
            let path = try await browser.screenshot("trang-thu")
            #expect(path == fixture.screenshots + "/trang-thu.png")
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(png.count > 1000)
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
            #expect(uint32(png, at: 16) == 1366)
            #expect(uint32(png, at: 20) == 768)
            #expect(FileManager.default.fileExists(atPath: fixture.screenshots + "/chromedriver.log"))
        }
    }

    @Test("missing selector throws noSuchElement after the timeout; wait() times out")
    func failures() async throws {
        defer { fixture.remove() }
        try await withBrowser(fixture: fixture) { browser in
            try await browser.open(fixture.pageURL)
            let start = ContinuousClock.now
            do {
                _ = try await browser.element("#khong-co", timeout: 0.5)
                Issue.record("expected noSuchElement")
            } catch WebDriverError.noSuchElement(let selector) {
                #expect(selector == "#khong-co")
            }
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(500))
            #expect(elapsed < .seconds(5))

            var calls = 0
            do {
                try await browser.wait("never", timeout: 0.3) { calls += 1; return false }
                Issue.record("expected timeout")
            } catch WebDriverError.timeout(let what) {
                #expect(what == "never")
            }
            #expect(calls >= 2)

            do {
                try await browser.waitForText("không có đâu", in: "#out", timeout: 0.3)
                Issue.record("expected timeout")
            } catch WebDriverError.timeout(let what) {
                #expect(what.contains("không có đâu"))
            }
        }
    }

    @Test("a phone-sized browser has a phone-sized viewport")
    func phone() async throws {
        defer { fixture.remove() }
        try await withBrowser(width: 390, height: 844, fixture: fixture) { browser in
            try await browser.open(fixture.pageURL)
            let width = try #require(try await browser.execute("return window.innerWidth").doubleValue)
            #expect(width > 0 && width <= 390)
            #expect(try await browser.execute("return window.innerHeight") == .number(844))
            #expect(try await browser.execute("return matchMedia('(max-width: 400px)').matches") == .bool(true))
            let png = try Data(contentsOf: URL(fileURLWithPath: try await browser.screenshot("phone")))
            #expect(uint32(png, at: 16) == 390)
            #expect(uint32(png, at: 20) == 844)
        }
    }

    @Test("cookies from an HTTP page, including HttpOnly, and deleting them")
    func cookies() async throws {
        defer { fixture.remove() }
        let server = try CookieServer()
        defer { server.stop() }
        try await withBrowser(fixture: fixture) { browser in
            try await browser.open("http://127.0.0.1:\(server.port)/")
            #expect(try await browser.title == "Bánh quy")
            let cookies = try await browser.cookies().sorted { $0.name < $1.name }
            #expect(cookies == [
                Cookie(name: "sid", value: "abc123", httpOnly: true, secure: false, sameSite: "Strict"),
                Cookie(name: "theme", value: "dark", httpOnly: false, secure: false, sameSite: "Lax"),
            ])
            #expect(try await browser.execute("return document.cookie") == .string("theme=dark"))
            try await browser.deleteAllCookies()
            #expect(try await browser.cookies().isEmpty)
        }
    }

    @Test("close() ends chromedriver and Chromium, twice is harmless, then commands fail")
    func closeCleansUp() async throws {
        defer { fixture.remove() }
        let browser = try await Browser(screenshotsFolder: fixture.screenshots)
        let driverPID = browser.driver.processIdentifier
        let port = browser.driver.port
        #expect(isAlive(driverPID))
        #expect(try pgrep("chromedriver --port=\(port)") == [driverPID])
        try await browser.open(fixture.pageURL)
        let chromium = try children(of: driverPID)
        #expect(!chromium.isEmpty, "chromedriver should have a Chromium child")
        let profileDir = try #require(browser.profile.userDataDir)
        let singletonDir = try #require(browser.profile.singletonDir)
        #expect(FileManager.default.fileExists(atPath: profileDir))
        #expect(FileManager.default.fileExists(atPath: singletonDir))

        await browser.close()
        await browser.close()
        #expect(await waitForExit([driverPID] + chromium) == [])
        #expect(try pgrep("chromedriver --port=\(port)").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: profileDir), "temporary profile left in /tmp")
        #expect(!FileManager.default.fileExists(atPath: singletonDir), "singleton folder left in /tmp")
        await #expect(throws: (any Error).self) { try await browser.title }
    }

    @Test("a forgotten Browser's deinit kills chromedriver")
    func deinitKills() async throws {
        defer { fixture.remove() }
        var browser: Browser? = try await Browser(screenshotsFolder: fixture.screenshots)
        let driverPID = try #require(browser?.driver.processIdentifier)
        #expect(try await browser?.execute("return 40+2") == .number(42))
        let chromium = try children(of: driverPID)
        #expect(!chromium.isEmpty)
        let profile = try #require(browser?.profile)
        browser = nil
        #expect(await waitForExit([driverPID]) == [])
        // deinit also terminates the Chromium that chromedriver started.
        #expect(await waitForExit(chromium, timeout: 10) == [])
        // Without close() the temporary profile stays; tidy up what we know of.
        for folder in [profile.userDataDir, profile.singletonDir].compactMap({ $0 }) {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("the browser's own chromedriver is gone after close (other suites may run browsers of their own meanwhile)")
    func noLeftovers() async throws {
        defer { fixture.remove() }
        let driver = try await withBrowser(fixture: fixture) { browser in
            let pid = browser.driver.processIdentifier
            #expect(isAlive(pid))
            #expect(try pgrep("/usr/bin/chromedriver").contains(pid))
            _ = try await browser.title
            return pid
        }
        #expect(!isAlive(driver))
    }
}

@Suite("JSON and cookie decoding")
struct DecodingTests {
    @Test("JSONValue decodes booleans, numbers and nesting distinctly")
    func jsonValue() throws {
        let data = Data(#"{"b":true,"n":1,"f":2.5,"s":"ơ","z":null,"a":[false,0]}"#.utf8)
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(value == .object([
            "b": .bool(true), "n": .number(1), "f": .number(2.5), "s": .string("ơ"),
            "z": .null, "a": .array([.bool(false), .number(0)]),
        ]))
        #expect(JSONValue.number(3).text == "3")
        #expect(JSONValue.number(2.5).text == "2.5")
        #expect(JSONValue.bool(false).text == "false")
        #expect(JSONValue.null.text == nil)
    }

    @Test("Cookie reads W3C cookie objects")
    func cookie() {
        let json: JSONValue = ["name": "sid", "value": "x", "httpOnly": true, "secure": true, "domain": "a"]
        #expect(Cookie(json: json) == Cookie(name: "sid", value: "x", httpOnly: true, secure: true, sameSite: nil))
        #expect(Cookie(json: ["value": "x"]) == nil)
    }
}
