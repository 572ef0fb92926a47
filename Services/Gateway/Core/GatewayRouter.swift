import Foundation
import Logging
import NIOCore
import NQ57API
import NQ57Telemetry
import NQ57Wire

/// The gateway's request path: admit the call (`CallGuard`), then answer `sys.*` itself or
/// forward `auth.*`, `tasks.*`, `evidence.*`, `metrics.*` to the owning service with a
/// deadline. A backend that is down answers `unavailable` at once; each backend has its own
/// connections, so one slow service never holds up calls to the others.
public final class GatewayRouter: RPCRequestHandler {
    private let backends: Backends
    private let callGuard: any CallGuard
    private let recorder: AuditRecorder?
    private let callTimeoutMilliseconds: Int64
    private let system: MethodRouter

    /// Creates the router; `recorder` receives every write that is not the auth service's own
    /// (the auth service audits those itself, with more detail).
    public init(backends: Backends, callGuard: any CallGuard, sessions: SessionVerifier? = nil, recorder: AuditRecorder? = nil,
                metrics: MethodMetrics = MethodMetrics(service: "gateway"), callTimeout: TimeAmount) {
        self.backends = backends
        self.callGuard = callGuard
        self.recorder = recorder
        self.callTimeoutMilliseconds = callTimeout.nanoseconds / 1_000_000
        self.system = MethodRouter(service: "gateway", routes: GatewaySystemRoutes.make(backends: backends, sessions: sessions, metrics: metrics),
                                   alsoDescribing: GatewaySystemRoutes.routedMethods)
    }

    public func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
        let loop = context.eventLoop
        let target: ServiceName?
        if request.method.hasPrefix("sys.") {
            // `sys.*` with a `service` param is that backend's own `sys.*`, forwarded as it is.
            do {
                target = try SystemTarget.service(in: request.params)
            } catch {
                return loop.makeSucceededFuture(.failure(request.id, error))
            }
        } else if let owner = ServiceName.owner(of: request.method), APICatalog.contains(request.method, in: owner) {
            target = owner
        } else {
            return loop.makeSucceededFuture(.failure(request.id, .unknownMethod(request.method)))
        }
        let id = request.id
        return callGuard.admit(request, eventLoop: loop).flatMap { admission -> EventLoopFuture<ReplyEnvelope> in
            guard let target else {
                var local = request
                local.token = nil
                local.caller = admission.callerJSON
                return self.system.handle(local, context: context)
            }
            let reply = self.forward(request, to: target, caller: admission.callerJSON, context: context)
            if let recorder = self.recorder, target != .auth, APICatalog.writes(request.method) {
                reply.whenSuccess { reply in
                    recorder.record(Self.auditRecord(request, admission: admission, outcome: reply.outcome))
                }
            }
            return reply
        }.flatMapErrorThrowing { error in
            guard let rpcError = error as? RPCError else { throw error }
            return .failure(id, rpcError)
        }
    }

    private func forward(_ request: RequestEnvelope, to service: ServiceName, caller: RawJSON?,
                         context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
        let limit = wallClockMilliseconds() + callTimeoutMilliseconds
        var outgoing = request
        outgoing.deadline = min(request.deadline ?? limit, limit)
        outgoing.token = nil
        outgoing.caller = caller
        let id = request.id
        return backends.client(service).send(outgoing, on: context.eventLoop).map { reply in
            ReplyEnvelope(id: id, outcome: reply.outcome, bulk: reply.bulk)
        }
    }
}

extension GatewayRouter {
    static func auditRecord(_ request: RequestEnvelope, admission: Admission, outcome: Result<RawJSON, RPCError>) -> AuditRecord {
        let outcomeText: String
        switch outcome {
        case .success: outcomeText = "ok"
        case .failure(let error): outcomeText = error.code.rawValue
        }
        let unitId = (try? AccessGuard.unitId(in: request.params, policy: APICatalog.policy(of: request.method) ?? .open)) ?? nil
        return AuditRecord(at: Date(), account: admission.caller.account, username: admission.caller.username,
                           unitPath: admission.unitPath ?? admission.caller.grants.first?.unitPath, method: request.method,
                           target: unitId, outcome: outcomeText)
    }
}

/// The one param the gateway reads of a `sys.*` call: which backend it is for, if any.
/// Read with the envelope scanner, not a decoder: it is on the path of every health check.
enum SystemTarget {
    static func service(in params: RawJSON) throws(RPCError) -> ServiceName? {
        let name: String
        switch try params.stringMember("service") {
        case .absent: return nil
        case .string(let text): name = text
        case .notAString: name = ""
        }
        guard let service = ServiceName(rawValue: name) else {
            let known = ServiceName.allCases.map(\.rawValue).joined(separator: ", ")
            throw RPCError(.invalidArgument, "Trường \"service\" phải là một trong: \(known).",
                           details: ["field": "service", "problem": "value"])
        }
        return service
    }
}
