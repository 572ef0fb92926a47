import Foundation

/// A running chromedriver and one headless Chromium session.
///
/// All commands are plain HTTP requests to chromedriver; the class holds no mutable state
/// apart from the "closed" flag, so it can be shared across tasks.
public final class Browser: @unchecked Sendable {
    /// Path of the Chromium binary handed to chromedriver.
    static let chromiumPath = "/usr/bin/chromium"

    /// True when both /usr/bin/chromedriver and /usr/bin/chromium exist,
    /// e.g. for `@Suite(.enabled(if: Browser.isAvailable))`.
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: DriverProcess.executablePath)
            && FileManager.default.isExecutableFile(atPath: chromiumPath)
    }

    /// The folder `screenshot(_:)` writes to; chromedriver.log is appended here too.
    public let screenshotsFolder: String

    /// The chromedriver child process.
    let driver: DriverProcess
    /// Client for `/session/{id}/…` commands.
    let session: SessionClient
    /// Chromium's temporary folders, cleaned up by `close()`.
    let profile: ProfileFolders

    private let lock = NSLock()
    private var closed = false

    /// Starts /usr/bin/chromedriver on a free local port, waits until `GET /status` says ready
    /// (timeout 20 s), and creates a headless Chromium session (`--headless=new --no-sandbox
    /// --disable-gpu --disable-dev-shm-usage --window-size=W,H --lang=vi-VN`).
    ///
    /// The viewport (`window.innerWidth`/`innerHeight`, screenshots) is exactly
    /// `width`×`height` CSS pixels at scale 1, also below Chromium's 500 px minimum window width,
    /// through chromedriver's `mobileEmulation.deviceMetrics` in desktop mode (no touch, no
    /// `<meta name=viewport>` handling). `navigator.language` and Accept-Language are "vi-VN"
    /// (preference `intl.accept_languages` = "vi-VN,vi").
    ///
    /// - Parameter screenshotsFolder: where `screenshot(_:)` writes PNGs and chromedriver
    ///   appends `chromedriver.log`; created if missing.
    public init(width: Int = 1366, height: Int = 768, screenshotsFolder: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.chromiumPath) else {
            throw WebDriverError.driverNotFound(Self.chromiumPath)
        }
        try FileManager.default.createDirectory(
            atPath: screenshotsFolder, withIntermediateDirectories: true)
        self.screenshotsFolder = screenshotsFolder

        let driver = try await DriverProcess(
            logPath: (screenshotsFolder as NSString).appendingPathComponent("chromedriver.log"))
        do {
            try await driver.waitUntilReady(timeout: 60)
            let capabilities: JSONValue = [
                "browserName": "chrome",
                "goog:chromeOptions": [
                    "binary": .string(Self.chromiumPath),
                    "args": [
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        .string("--window-size=\(width),\(height)"),
                        "--lang=vi-VN",
                    ],
                    // On Linux --lang reaches neither navigator.language nor Accept-Language;
                    // this preference sets both.
                    "prefs": ["intl.accept_languages": "vi-VN,vi"],
                    // Chromium windows are at least 500 px wide and headless=new reserves
                    // ~140 px of height for invisible browser UI; emulating the metrics makes
                    // the viewport exactly width×height (desktop mode: no touch, no meta viewport).
                    "mobileEmulation": [
                        "deviceMetrics": [
                            "width": .number(Double(width)), "height": .number(Double(height)),
                            "pixelRatio": 1, "mobile": false, "touch": false,
                        ],
                    ],
                ],
            ]
            let reply = try await driver.client.send(
                "POST", "session", ["capabilities": ["alwaysMatch": capabilities]])
            guard let id = reply["sessionId"]?.stringValue else {
                throw WebDriverError.driverDidNotStart("no sessionId in reply: \(reply.text ?? "null")")
            }
            self.driver = driver
            self.session = SessionClient(client: driver.client, sessionID: id)
            self.profile = ProfileFolders(capabilities: reply["capabilities"])
        } catch {
            await driver.stop()
            if case WebDriverError.protocolError(let status, let code, let message) = error {
                throw WebDriverError.driverDidNotStart(
                    "new session failed (HTTP \(status) \(code)): \(message); see \(driver.logPath)")
            }
            throw error
        }
    }

    deinit {
        driver.terminateNow()
    }

    /// Deletes the session (which quits Chromium), gives chromedriver up to 3 s to remove the
    /// temporary profile, and stops chromedriver with SIGTERM (SIGKILL after 5 s).
    /// Idempotent. If forgotten, `deinit` only sends SIGTERM to chromedriver and Chromium
    /// (the temporary profile in /tmp then stays behind).
    public func close() async {
        let firstCall = lock.withLock {
            defer { closed = true }
            return !closed
        }
        guard firstCall else { return }
        let quitBrowser = (try? await session.send("DELETE", "")) != nil
        if quitBrowser { await profile.waitUntilProfileRemoved(timeout: 3) }
        await driver.stop()
        profile.removeLeftovers()
    }
}

/// Sends commands scoped to one session: paths are relative to `/session/{id}/`.
struct SessionClient: Sendable {
    /// The driver connection.
    let client: WireClient
    /// The W3C session id.
    let sessionID: String

    /// Sends `method /session/{id}/path` and returns the reply's `value`.
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        let full = path.isEmpty ? "session/\(sessionID)" : "session/\(sessionID)/\(path)"
        return try await client.send(method, full, body)
    }
}
