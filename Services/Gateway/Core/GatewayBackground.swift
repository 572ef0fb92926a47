import Logging
import NQ57Wire
import ServiceLifecycle

/// The gateway's background work, in two loops that never wait for each other: four times a
/// second, follow the auth service's revocation log (and fetch its key); once a second, ship the
/// journalled audit records (first thing at start: what a previous run left). Stops with the
/// gateway, after a last shipment.
///
/// The loops are apart because a revoked session must be refused within 5 seconds and the
/// feed counts as stale after 4: when one loop did both, a slow shipment under load (its call
/// may take 5 s) held the next look at the revocation log back past both.
public struct GatewayBackground: Service {
    let sessions: SessionVerifier
    let shipper: AuditShipper
    let auth: RPCClient
    let logger: Logger
    /// How long after the start an auth service not reached yet is no warning (logged at debug).
    let startGrace: Duration

    /// Creates the background work.
    public init(sessions: SessionVerifier, shipper: AuditShipper, auth: RPCClient, logger: Logger, startGrace: Duration = .seconds(10)) {
        self.sessions = sessions
        self.shipper = shipper
        self.auth = auth
        self.logger = logger
        self.startGrace = startGrace
    }

    public func run() async throws {
        let grace = StartupGrace(started: .now, grace: startGrace)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await followRevocations(grace) }
            group.addTask { await shipAudit(grace) }
        }
        do {
            try await shipper.ship(to: auth)
        } catch {
            logger.warning(Self.notShipped, metadata: ["error": "\(error)"])
        }
    }

    /// Whether the loops should go on.
    private static var running: Bool { !Task.isCancelled && !Task.isShuttingDownGracefully }
    private static let notShipped: Logger.Message = "audit records not shipped yet; kept in the journal"

    /// Reads the revocation log four times a second: a look costs one small call, and under load
    /// each look can take a second or more of the 5 allowed.
    private func followRevocations(_ grace: StartupGrace) async {
        await repeatCall(every: .milliseconds(250), grace, failure: "revocation feed unavailable", restored: "revocation feed restored") {
            try await sessions.refresh(from: auth)
        }
    }

    /// Ships the audit journal once a second.
    private func shipAudit(_ grace: StartupGrace) async {
        await repeatCall(every: .seconds(1), grace, failure: Self.notShipped, restored: "audit records reach the auth service again") {
            try await shipper.ship(to: auth)
        }
    }

    /// Makes a call to auth every `interval` until the gateway stops, logging `failure` once
    /// per run of failures (see `warnOnce`) and `restored` when a call succeeds again.
    private func repeatCall(every interval: Duration, _ start: StartupGrace, failure: Logger.Message, restored: Logger.Message,
                            _ call: () async throws -> Void) async {
        var grace = start
        var warned = false
        while Self.running {
            do {
                try await call()
                grace.reachedAuth()
                if warned { logger.info(restored) }
                warned = false
            } catch {
                warned = warnOnce(warned, grace, failure, error)
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Logs a failure to reach auth: a warning at the first failure of a run of them once
    /// `grace` no longer holds, at debug level before. Returns whether the run was warned of.
    private func warnOnce(_ warned: Bool, _ grace: StartupGrace, _ message: Logger.Message, _ error: any Error) -> Bool {
        if warned { return true }
        guard grace.warns(at: .now) else {
            logger.debug("\(message) (auth may still be starting)", metadata: ["error": "\(error)"])
            return false
        }
        logger.warning(message, metadata: ["error": "\(error)"])
        return true
    }
}
