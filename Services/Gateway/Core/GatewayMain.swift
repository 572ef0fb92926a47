import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57Runtime
import NQ57Telemetry

/// The `main` of `nq57-gateway`: the same settings as every service, plus where the
/// backends' sockets are and how long a forwarded call may take.
public enum GatewayMain {
    /// Runs the gateway until SIGTERM or SIGINT.
    public static func main() async {
        let (settings, logger) = ServiceHost.startUp(service: "gateway")
        do {
            let callTimeout = TimeAmount.nanoseconds(Int64(settings.callTimeoutSeconds * 1e9))
            let backends = Backends(internalDirectory: settings.internalDirectory, limits: settings.limits,
                                    callTimeout: callTimeout, group: MultiThreadedEventLoopGroup.singleton, logger: logger)
            let sessions = SessionVerifier()
            let recorder = AuditRecorder(logger: logger)
            let auth = backends.client(.auth)
            let guardian = AccessGuard(sessions: sessions, units: UnitPathCache(), auth: auth)
            let metrics = MethodMetrics(service: "gateway")
            let router = GatewayRouter(backends: backends, callGuard: guardian, sessions: sessions, recorder: recorder,
                                       metrics: metrics, callTimeout: callTimeout)
            // Forwarded calls are timed by the backend clients, so the server need not time them too.
            try await ServiceHost.serve(MeteredHandler(router, metrics: metrics), settings: settings, socketMode: 0o660, watchDeadlines: false,
                                        alongside: [GatewayBackground(sessions: sessions, recorder: recorder, auth: auth, logger: logger)],
                                        logger: logger)
            await backends.close()
        } catch {
            FileHandle.standardError.write(Data("nq57-gateway: cannot start: \(error)\n".utf8))
            exit(1)
        }
    }
}
