import Foundation
import GatewayCore
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Wire
import ServiceLifecycle

/// The gateway's HTTP side (Hummingbird), beside its socket: the JSON API one to one onto the
/// same methods and checks, browser login with a session cookie, evidence streamed both ways,
/// VNeID login, and the web console's files.
///
/// It listens on `NQ57_HTTP` (`HOST:PORT`; port 0 picks a free one); once listening it writes
/// its address (`http://HOST:PORT`) to `DATA/run/http.addr`.
public enum WebServer {
    /// The services to run beside the socket: none when `NQ57_HTTP` is unset or `off`.
    public static func services(handler: any RPCRequestHandler, settings: NQ57Settings, logger: Logger) throws -> [any Service] {
        let addressFile = URL(fileURLWithPath: settings.socketPath).deletingLastPathComponent().appendingPathComponent("http.addr").path
        try? FileManager.default.removeItem(atPath: addressFile)  // a previous run's address is not this one's
        // The address was checked with the other settings at start (HOST:PORT or off).
        guard let address = settings.web.address, address != "off", let colon = address.lastIndex(of: ":"),
              let port = Int(address[address.index(after: colon)...]) else { return [] }
        let host = String(address[..<colon])
        let idleSeconds = settings.web.idleSeconds
        let hosts = AllowedHosts(configured: settings.web.hosts)
        let caller = GatewayCaller(handler: handler, logger: logger)
        let identity = IdentityProviderEndpoints(settings: settings.identityProvider)
        let auth = WebAuth(caller: caller, sessions: WebSessions(), secureCookies: settings.web.secureCookies,
                           identityConfigured: identity != nil)
        let authSocket = RPCClient(configuration: .init(socketPath: "\(settings.internalDirectory)/\(ServiceName.auth.socketFileName)",
                                                        serviceName: ServiceName.auth.rawValue, limits: settings.limits,
                                                        defaultTimeout: .seconds(10)),
                                   group: MultiThreadedEventLoopGroup.singleton, logger: logger)
        let router = makeRouter(caller: caller, auth: auth,
                                identity: identity.map { WebIdentity(endpoints: $0, caller: caller, auth: auth, identityLogin: authSocket) },
                                maxBodyBytes: settings.maxFrameBytes, hosts: hosts, files: WebStatic(root: settings.web.root))
        let application = Application(
            router: router,
            // A connection with nothing to say for this long is closed, so idle peers hold no descriptors.
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(idleSeconds)))),
            configuration: .init(address: .hostname(host, port: port), serverName: "nq57"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                hosts.listening(host: host, port: bound)
                let text = "http://\(host):\(bound)"
                _ = FileManager.default.createFile(atPath: addressFile, contents: Data(text.utf8))
                logger.info("http listening", metadata: ["address": "\(text)"])
            },
            logger: logger)
        return [application]
    }

    static func makeRouter(caller: GatewayCaller, auth: WebAuth, identity: WebIdentity?, maxBodyBytes: Int,
                           hosts: AllowedHosts, files: WebStatic) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: HostCheckMiddleware(hosts: hosts))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SameOriginMiddleware())
        router.add(middleware: SessionCookieMiddleware(auth: auth))
        let api = WebAPI(caller: caller, auth: auth, maxBodyBytes: maxBodyBytes)
        let evidence = WebEvidence(caller: caller, auth: auth)

        router.get("/") { _, _ in files.file("index.html") }
        router.get("/static/**") { request, _ in
            files.file(String(request.uri.path.dropFirst("/static/".count)))
        }
        router.get("/auth/session") { request, _ in await auth.current(request) }
        router.post("/auth/login") { request, context in await auth.login(request, context: context) }
        router.post("/auth/password") { request, _ in
            if let refusal = auth.csrfRefusal(request) { return refusal }
            return await auth.changePassword(request)
        }
        router.post("/auth/logout") { request, _ in
            if let refusal = auth.csrfRefusal(request) { return refusal }
            return await auth.logout(request)
        }
        let noIdentity = WebResponses.page(.notFound, title: "Chưa cấu hình VNeID",
                                           message: "Hệ thống này chưa kết nối với nhà cung cấp định danh VNeID.")
        router.get("/auth/vneid/start") { _, _ in identity?.start() ?? noIdentity }
        router.get("/auth/vneid/callback") { request, _ in await identity?.callback(request) ?? noIdentity }
        router.post("/api/evidence/upload") { request, context in
            if let refusal = auth.csrfRefusal(request) { return refusal }
            return await evidence.upload(request, context: context)
        }
        router.post("/api/:method") { request, context in
            await api.call(request, context: context, method: context.parameters.get("method") ?? "")
        }
        let exports = WebExports(caller: caller, auth: auth)
        router.get("/export/report") { request, _ in await exports.report(request) }
        router.get("/export/tasks") { request, _ in await exports.tasks(request) }
        router.get("/export/kpi") { request, _ in await exports.kpi(request) }
        router.get("/files/:id") { request, context in
            await evidence.download(request, context: context, id: context.parameters.get("id") ?? "")
        }
        // The data centre's Prometheus scrapes every service's operations metrics here (as sys.metrics).
        router.get("/metrics") { _, _ -> Response in
            do {
                let reply = try await caller.call(SysMetrics.self, SysMetrics.Params(), token: nil).result
                return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: reply.text)))
            } catch let error as RPCError {
                return WebResponses.error(error)
            } catch {
                return WebResponses.error(.internalFault)
            }
        }
        router.get("/public/files/:id") { _, context in
            await evidence.downloadPublic(id: context.parameters.get("id") ?? "")
        }
        return router
    }
}
