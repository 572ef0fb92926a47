import Foundation

/// The process's environment variables. Settings are resolved from it once, at start, by
/// `NQ57Settings`; nothing else in Services or Shared reads it.
public enum ProcessEnvironment {
    /// The variables this process was started with.
    public static var current: [String: String] { ProcessInfo.processInfo.environment }
}
