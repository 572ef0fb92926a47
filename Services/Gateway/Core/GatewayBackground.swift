import Logging
import NQ57Wire
import ServiceLifecycle

/// The gateway's background work, once a second: follow the auth service's revocation log
/// (and fetch its key), and send the audit records. Stops with the gateway.
public struct GatewayBackground: Service {
    let sessions: SessionVerifier
    let recorder: AuditRecorder
    let auth: RPCClient
    let logger: Logger

    /// Creates the background work.
    public init(sessions: SessionVerifier, recorder: AuditRecorder, auth: RPCClient, logger: Logger) {
        self.sessions = sessions
        self.recorder = recorder
        self.auth = auth
        self.logger = logger
    }

    public func run() async throws {
        var failing = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await sessions.refresh(from: auth)
                if failing { logger.info("revocation feed restored") }
                failing = false
            } catch {
                if !failing { logger.warning("revocation feed unavailable", metadata: ["error": "\(error)"]) }
                failing = true
            }
            await recorder.flush(to: auth)
            try? await Task.sleep(for: .milliseconds(failing ? 250 : 1000))
        }
        await recorder.flush(to: auth)
    }
}
