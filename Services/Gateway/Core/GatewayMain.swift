import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57Runtime
import NQ57Telemetry
import NQ57Wire
import ServiceLifecycle

/// The `main` of `nq57-gateway`: the same settings as every service, plus where the
/// backends' sockets are and how long a forwarded call may take.
public enum GatewayMain {
    /// Runs the gateway until SIGTERM or SIGINT, with `extraServices` (the HTTP side) beside its
    /// socket, given the handler every call goes through.
    public static func main(extraServices: @Sendable (any RPCRequestHandler, NQ57Settings, Logger) throws -> [any Service] = { _, _, _ in [] })
        async {
        let (settings, logger) = ServiceHost.startUp(service: "gateway")
        do {
            let callTimeout = TimeAmount.nanoseconds(Int64(settings.callTimeoutSeconds * 1e9))
            let backends = Backends(internalDirectory: settings.internalDirectory, limits: settings.limits,
                                    callTimeout: callTimeout, group: MultiThreadedEventLoopGroup.singleton, logger: logger)
            let sessions = SessionVerifier(clock: settings.clock)
            let journal = try AuditJournal(path: "\(settings.serviceDirectory)/gateway.sqlite")
            let auth = backends.client(.auth)
            let guardian = AccessGuard(sessions: sessions, units: UnitPathCache(), auth: auth)
            let metrics = MethodMetrics(service: "gateway")
            let router = GatewayRouter(backends: backends, callGuard: guardian, sessions: sessions, journal: journal,
                                       clock: settings.clock, metrics: metrics, callTimeout: callTimeout)
            // Forwarded calls are timed by the backend clients, so the server need not time them too.
            let handler = MeteredHandler(router, metrics: metrics)
            let web = try extraServices(handler, settings, logger)
            try await ServiceHost.serve(handler, settings: settings, socketMode: 0o660, watchDeadlines: false,
                                        alongside: [GatewayBackground(sessions: sessions, shipper: AuditShipper(journal: journal, maxFrameBytes: settings.maxFrameBytes),
                                                                     auth: auth, logger: logger)] + web,
                                        logger: logger)
            await journal.close()
            await backends.close()
        } catch {
            FileHandle.standardError.write(Data("nq57-gateway: cannot start: \(error)\n".utf8))
            exit(1)
        }
    }
}
