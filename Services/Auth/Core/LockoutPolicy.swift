import Foundation

/// Failed logins in a row lock a login name for a while; the right password during the lock
/// does not get in. A pure rule over the stored count and the clock.
public struct LockoutPolicy: Sendable, Equatable {
    /// Failures in a row that lock (default 5).
    public var maxFailures: Int
    /// How long the lock lasts (default 15 minutes).
    public var lockDuration: TimeInterval

    /// Creates the policy.
    public init(maxFailures: Int = 5, lockDuration: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.lockDuration = lockDuration
    }

    /// The state of one login name.
    public struct State: Sendable, Equatable {
        /// Failures since the last success or lock.
        public var failures: Int
        /// Locked until then, if locked.
        public var lockedUntil: Date?

        /// Creates a state.
        public init(failures: Int = 0, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lockedUntil = lockedUntil
        }
    }

    /// Whether the name is locked at `now`.
    public func isLocked(_ state: State, now: Date) -> Bool {
        guard let until = state.lockedUntil else { return false }
        return now < until
    }

    /// The state after a failed attempt at `now`; the fifth failure in a row starts the lock.
    public func failed(_ state: State, now: Date) -> State {
        if isLocked(state, now: now) { return state }
        let failures = (state.lockedUntil == nil ? state.failures : 0) + 1
        if failures >= maxFailures {
            return State(failures: 0, lockedUntil: now.addingTimeInterval(lockDuration))
        }
        return State(failures: failures, lockedUntil: nil)
    }

    /// The state after a successful login (only possible when not locked).
    public func succeeded() -> State { State() }
}
