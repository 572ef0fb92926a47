import Foundation
import ServiceLifecycle

/// Stops a service whose supervisor (`nq57 up`) has gone, so that no service outlives the
/// command that started it, even if that command was killed outright. Active only when the
/// supervisor says who it is in `NQ57_PARENT_PID`.
public struct ParentWatch: Service {
    private let parent: Int32

    /// The watch for this process, or nil when no supervisor is named.
    public static func fromEnvironment() -> ParentWatch? {
        guard let text = ProcessInfo.processInfo.environment["NQ57_PARENT_PID"], let pid = Int32(text), pid > 1 else { return nil }
        return ParentWatch(parent: pid)
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            if getppid() != parent { return }  // re-parented: the supervisor is gone
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
