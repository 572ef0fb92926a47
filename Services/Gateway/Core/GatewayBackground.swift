import Logging
import NQ57Wire
import ServiceLifecycle

/// The gateway's background work, once a second: follow the auth service's revocation log
/// (and fetch its key), and ship the journalled audit records (first thing at start: what a
/// previous run left). Stops with the gateway, after a last shipment.
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
        var failing = false
        var shippingFails = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await sessions.refresh(from: auth)
                if failing { logger.info("revocation feed restored") }
                failing = false
            } catch {
                if !failing { logger.warning("revocation feed unavailable", metadata: ["error": "\(error)"]) }
                failing = true
            }
            shippingFails = await ship(failedBefore: shippingFails)
            try? await Task.sleep(for: .milliseconds(failing ? 250 : 1000))
        }
        _ = await ship(failedBefore: shippingFails)
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
