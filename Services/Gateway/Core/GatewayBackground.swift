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

    /// Creates the background work.
    public init(sessions: SessionVerifier, shipper: AuditShipper, auth: RPCClient, logger: Logger) {
        self.sessions = sessions
        self.shipper = shipper
        self.auth = auth
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await followRevocations() }
            group.addTask { await shipAudit() }
        }
        _ = await ship(failedBefore: false)
    }

    /// Whether the loops should go on.
    private static var running: Bool { !Task.isCancelled && !Task.isShuttingDownGracefully }

    /// Reads the revocation log four times a second: a look costs one small call, and under load
    /// each look can take a second or more of the 5 allowed.
    private func followRevocations() async {
        var failing = false
        while Self.running {
            do {
                try await sessions.refresh(from: auth)
                if failing { logger.info("revocation feed restored") }
                failing = false
            } catch {
                if !failing { logger.warning("revocation feed unavailable", metadata: ["error": "\(error)"]) }
                failing = true
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    /// Ships the audit journal once a second.
    private func shipAudit() async {
        var failing = false
        while Self.running {
            failing = await ship(failedBefore: failing)
            try? await Task.sleep(for: .milliseconds(1000))
        }
    }

    /// Ships the journal; returns whether it failed (logged once per run of failures).
    private func ship(failedBefore: Bool) async -> Bool {
        do {
            try await shipper.ship(to: auth)
            if failedBefore { logger.info("audit records reach the auth service again") }
            return false
        } catch {
            if !failedBefore {
                logger.warning("audit records not shipped yet; kept in the journal", metadata: ["error": "\(error)"])
            }
            return true
        }
    }
}
