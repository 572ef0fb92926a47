import Foundation
import Logging
import NIOCore
import NQ57API
import NQ57Runtime
import NQ57Telemetry
import NQ57Wire

/// The gateway's request path: admit the call (`CallGuard`), then answer `sys.*` itself or
/// forward `auth.*`, `tasks.*`, `evidence.*`, `metrics.*` to the owning service with a
/// deadline. A backend that is down answers `unavailable` at once; each backend has its own
/// connections, so one slow service never holds up calls to the others.
public final class GatewayRouter: RPCRequestHandler {
    private let backends: Backends
    private let callGuard: any CallGuard
    private let sessions: SessionVerifier?
    private let journal: AuditJournal?
    private let clock: NQ57Clock
    private let callTimeoutMilliseconds: Int64
    private let system: MethodRouter

    /// Creates the router; `journal` receives what `AuditRules` says is audited, and each such
    /// call is answered only once its record is on disk.
    public init(backends: Backends, callGuard: any CallGuard, sessions: SessionVerifier? = nil, journal: AuditJournal? = nil,
                clock: NQ57Clock = .system, metrics: MethodMetrics = MethodMetrics(service: "gateway"), callTimeout: TimeAmount) {
        self.backends = backends
        self.callGuard = callGuard
        self.sessions = sessions
        self.journal = journal
        self.clock = clock
        self.callTimeoutMilliseconds = callTimeout.nanoseconds / 1_000_000
        self.system = MethodRouter(service: "gateway", routes: GatewaySystemRoutes.make(backends: backends, sessions: sessions, metrics: metrics, clock: clock),
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
            return self.forward(request, to: target, caller: admission.callerJSON, context: context).flatMap { reply in
                guard let action = AuditRules.action(method: request.method, service: target, outcome: reply.outcome) else {
                    return loop.makeSucceededFuture(reply)
                }
                return self.journalled(reply, request, caller: admission.caller, unitPath: admission.unitPath, action: action, context: context)
            }
        }.flatMapError { error in
            guard let rpcError = error as? RPCError else { return loop.makeFailedFuture(error) }
            let refusal = ReplyEnvelope.failure(id, rpcError)
            guard AuditRules.isRefusal(rpcError.code) else { return loop.makeSucceededFuture(refusal) }
            // Refused at the door: who tried is the token's session if the gateway knows it.
            let caller = request.token.flatMap { token in (try? self.sessions?.cachedCaller(for: token)) ?? nil }?.caller
            return self.journalled(refusal, request, caller: caller, unitPath: nil, action: .refused, context: context)
        }
    }

    /// `reply`, once the record of the call is in the journal. A write whose record cannot be
    /// written is not acknowledged: the caller is told it may have happened, unrecorded.
    private func journalled(_ reply: ReplyEnvelope, _ request: RequestEnvelope, caller: Caller?, unitPath: String?,
                            action: AuditRules.Action, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
        guard let journal else { return context.eventLoop.makeSucceededFuture(reply) }
        let record = AuditRules.record(method: request.method, params: request.params, caller: caller, unitPath: unitPath,
                                       action: action, outcome: reply.outcome, at: clock.now)
        return journal.append(record, on: context.eventLoop).map { _ in reply }.flatMapErrorThrowing { error in
            context.logger.error("audit record not journalled", metadata: ["method": "\(request.method)", "error": "\(error)"])
            if action == .refused, case .failure = reply.outcome { return reply }  // the refusal stands, recorded or not
            return .failure(reply.id, RPCError(.internal, "Cổng không ghi được nhật ký kiểm tra cho thao tác này; thao tác có thể đã được "
                                                   + "thực hiện nhưng chưa được ghi nhận. Hãy kiểm tra lại trước khi thử lại.",
                                               details: ["audit": "journal"]))
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
        // A backend that is down or too slow is an answer too (the write may have happened): audited like any other.
        return backends.client(service).send(outgoing, on: context.eventLoop).map { reply in
            ReplyEnvelope(id: id, outcome: reply.outcome, bulk: reply.bulk)
        }.flatMapErrorThrowing { error in
            guard let rpcError = error as? RPCError else { throw error }
            return .failure(id, rpcError)
        }
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
