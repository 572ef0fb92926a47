import Foundation
import ServiceLifecycle

/// Stops a service whose supervisor (`nq57 up`) has gone, so that no service outlives the
/// command that started it, even if that command was killed outright. Active only when the
/// supervisor says who it is (`NQ57_PARENT_PID`, read into `NQ57Settings.parentProcess`).
public struct ParentWatch: Service {
    private let parent: Int32

    /// Watches that `parent` (the settings' `parentProcess`) stays this process's parent.
    public init(parent: Int32) {
        self.parent = parent
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            if getppid() != parent { return }  // re-parented: the supervisor is gone
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
