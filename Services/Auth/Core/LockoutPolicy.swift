import Foundation

/// Failed logins in a row lock a login name for a while; the right password during the lock
/// does not get in. A pure rule over the stored count and the clock.
///
/// An attempt is counted when it starts, before its password is hashed (`start`), and settled
/// when the hash is done (`failed` or `succeeded`): attempts sent at once cannot all read the
/// same count and slip under the limit. While `maxFailures` attempts are counted and none has
/// succeeded, the next one starts the lock.
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
        /// Attempts counted since the last success or lock: failed ones and those still being checked.
        public var failures: Int
        /// Locked until then, if locked.
        public var lockedUntil: Date?

        /// Creates a state.
        public init(failures: Int = 0, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lockedUntil = lockedUntil
        }
    }

    /// What an attempt may do, decided before its password is hashed.
    public enum Start: Sendable, Equatable {
        /// Check the password; the attempt is counted as a failure until it succeeds.
        case proceed
        /// Refused without checking: locked until then; `startedLock` when this attempt started the lock.
        case locked(until: Date, startedLock: Bool)
    }

    /// Whether the name is locked at `now`.
    public func isLocked(_ state: State, now: Date) -> Bool {
        guard let until = state.lockedUntil else { return false }
        return now < until
    }

    /// Counts an attempt that starts at `now`: the state to store at once, and whether the
    /// password may be checked. Past the limit the attempt starts the lock instead.
    public func start(_ state: State, now: Date) -> (state: State, start: Start) {
        if isLocked(state, now: now), let until = state.lockedUntil {
            return (state, .locked(until: until, startedLock: false))
        }
        let counted = counted(state)
        if counted >= max(maxFailures, 1) {
            let until = now.addingTimeInterval(lockDuration)
            return (State(failures: 0, lockedUntil: until), .locked(until: until, startedLock: true))
        }
        return (State(failures: counted + 1, lockedUntil: nil), .proceed)
    }

    /// The state after a started attempt turned out wrong at `now` (it was counted when it
    /// started); the attempt that completes `maxFailures` failures starts the lock.
    public func failed(_ state: State, now: Date) -> State {
        if isLocked(state, now: now) { return state }
        let counted = counted(state)
        if counted >= max(maxFailures, 1) {
            return State(failures: 0, lockedUntil: now.addingTimeInterval(lockDuration))
        }
        return State(failures: counted, lockedUntil: nil)
    }

    /// The state after a started attempt had the right password at `now`: the count starts
    /// again; nil when the name was locked meanwhile (the attempt is refused).
    public func succeeded(_ state: State, now: Date) -> State? {
        isLocked(state, now: now) ? nil : State()
    }

    /// Attempts that count: none left over from a lock that has ended.
    private func counted(_ state: State) -> Int {
        state.lockedUntil == nil ? state.failures : 0
    }
}
