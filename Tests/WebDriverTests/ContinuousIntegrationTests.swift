import Foundation
import NQ57WebDriver
import Testing

/// Under `CI=true` the browser tests may not be skipped for want of a browser: this says what is missing.
@Suite("CI requirements")
struct ContinuousIntegrationTests {
    @Test("Under CI=true, Chromium and chromedriver are installed", .enabled(if: ContinuousIntegration.isOn))
    func browserInstalledInCI() {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "CI=true and /usr/bin/chromium is missing")
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "CI=true and /usr/bin/chromedriver is missing")
        #expect(Browser.isAvailable)
    }

    @Test("CI is on for CI=true or 1, off otherwise")
    func readsTheVariable() {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        #expect(ContinuousIntegration.isOn == (value == "true" || value == "1"))
        #expect(ContinuousIntegration.runs(needing: true))
        #expect(ContinuousIntegration.runs(needing: false) == ContinuousIntegration.isOn)
    }
}
