/// Whether failing to reach the auth service is worth a warning yet: not in the first moments
/// after the gateway starts, while it has never reached auth (the services start together and
/// auth may answer a moment after the gateway asks); always once auth was reached or the grace
/// has passed. A pure value: the caller says what time it is.
struct StartupGrace {
    /// When the gateway started.
    let started: ContinuousClock.Instant
    /// How long after `started` a failure with auth never reached stays quiet.
    let grace: Duration
    /// Whether auth has answered since the start.
    private(set) var reached = false

    /// Notes that auth answered.
    mutating func reachedAuth() { reached = true }

    /// Whether a failure at `now` is worth a warning.
    func warns(at now: ContinuousClock.Instant) -> Bool {
        reached || now - started >= grace
    }
}
