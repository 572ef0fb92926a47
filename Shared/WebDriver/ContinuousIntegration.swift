import Foundation

/// Whether the tests run in CI (`CI=true`, as CI services and `.ci/run` set it). There, a missing Chromium,
/// chromedriver or Node fails the run: suites that need them run (and fail) instead of being skipped.
public enum ContinuousIntegration {
    /// True when the environment variable `CI` is `true` or `1`.
    public static var isOn: Bool {
        ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    /// Whether to run a suite that needs something: when it is `available`, and always in CI.
    public static func runs(needing available: Bool) -> Bool {
        available || isOn
    }
}
