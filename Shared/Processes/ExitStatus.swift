import Synchronization

/// A child process's exit status once it has been reaped, and the tasks waiting for it: set
/// once by the task that runs the child, awaited (with a timeout) by anyone.
public final class ExitStatus: Sendable {
    private struct State {
        var status: Int32?
        var waiters: [UInt64: CheckedContinuation<Int32?, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    /// An exit not yet known.
    public init() {}

    /// The exit status, nil while the child runs.
    public var status: Int32? { state.withLock { $0.status } }

    /// Records the exit status and wakes every waiter.
    public func finish(status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// The exit status once recorded, or nil after `timeout` seconds.
    public func wait(timeout: Double) async -> Int32? {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: nil)
            }
            let status = await withCheckedContinuation { (waiter: CheckedContinuation<Int32?, Never>) in
                let known: Int32?? = state.withLock { state in
                    if let status = state.status { return .some(status) }
                    state.waiters[id] = waiter
                    return nil
                }
                if let known { waiter.resume(returning: known) }
            }
            group.cancelAll()
            return status
        }
    }
}
