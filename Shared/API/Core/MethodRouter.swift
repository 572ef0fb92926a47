import Logging
import NIOCore
import NQ57Wire

/// A service's `RPCRequestHandler`: looks the method up in its routes, decodes the caller
/// and params into their types, checks the bulk rules, and runs the handler. It answers
/// `sys.describe` from the routes themselves.
public final class MethodRouter: RPCRequestHandler {
    private let service: String
    private let routes: [String: MethodRoutes.Route]
    private let unitPaths: (any UnitPathSource)?

    /// Creates the router for `service`; `sys.describe` is added to `routes`, describing them
    /// and `alsoDescribing` (the gateway lists the backends' methods it routes).
    ///
    /// With `unitPaths`, every call is first checked against its method's access policy with
    /// the caller it carries (defence in depth behind the gateway, which checks the same
    /// policy); without, the router trusts whoever checked before it (the gateway's own
    /// `sys.*` routes, behind its access guard).
    public init(service: String, routes: MethodRoutes, alsoDescribing: [MethodDescription] = [],
                checkingPoliciesWith unitPaths: (any UnitPathSource)? = nil) {
        self.service = service
        self.unitPaths = unitPaths
        var routes = routes
        let described = ServiceDescription(service: service, methods: Self.withDescribe(routes.descriptions + alsoDescribing))
        routes.onLoop(SysDescribe.self) { params, _ in
            Answer(try described.filtered(to: params.method))
        }
        self.routes = routes.routes
    }

    private static func withDescribe(_ descriptions: [MethodDescription]) -> [MethodDescription] {
        (descriptions + [MethodDescription(SysDescribe.self)]).sorted { $0.name < $1.name }
    }

    public func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
        guard let route = routes[request.method] else {
            return context.eventLoop.makeSucceededFuture(.failure(request.id, .unknownMethod(request.method)))
        }
        let bulkUse = route.description.bulk
        if request.bulk != nil, bulkUse == .none || bulkUse == .reply {
            let error = RPCError(.invalidArgument, "Phương thức \(request.method) không nhận dữ liệu thô (bulk).",
                                 details: ["method": request.method])
            return context.eventLoop.makeSucceededFuture(.failure(request.id, error))
        }
        let caller: Caller
        do {
            caller = try request.caller?.decode(Caller.self) ?? .anonymous
        } catch {
            return context.eventLoop.makeSucceededFuture(.failure(request.id, error))
        }
        let callContext = CallContext(caller: caller, bulk: request.bulk, deadline: request.deadline,
                                      logger: context.logger, eventLoop: context.eventLoop, isServiceCall: request.caller == nil)
        let id = request.id
        let admitted: EventLoopFuture<Void>
        if let unitPaths {
            admitted = Self.admit(caller, to: route.description.policy, method: request.method, params: request.params, unitPaths: unitPaths,
                                  at: request.caller == nil ? .service : .backend, eventLoop: context.eventLoop)
        } else {
            admitted = context.eventLoop.makeSucceededVoidFuture()
        }
        return admitted.flatMap { route.body(request.params, callContext) }.map { answer in
            ReplyEnvelope(id: id, outcome: .success(answer.result), bulk: answer.bulk)
        }.flatMapErrorThrowing { error in
            // A rule's error is the caller's answer; anything else is a fault the server logs.
            guard let rpcError = error as? RPCError else { throw error }
            return .failure(id, rpcError)
        }
    }
}

extension MethodRouter {
    /// The policy check of one call: at once when the unit's path is known, else after a lookup.
    static func admit(_ caller: Caller, to policy: AccessPolicy, method: String, params: RawJSON, unitPaths: any UnitPathSource,
                      at checkpoint: PolicyCheckpoint, eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let unitId: String?
        do {
            unitId = try policy.unitId(in: params)
            if unitId == nil || unitPaths.cachedPath(of: unitId!) != nil {
                try policy.admit(caller, unitId: unitId, unitPath: unitId.flatMap(unitPaths.cachedPath), at: checkpoint, method: method)
                return eventLoop.makeSucceededVoidFuture()
            }
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask {
            let path = try await unitPaths.path(of: unitId!)
            try policy.admit(caller, unitId: unitId, unitPath: path, at: checkpoint, method: method)
        }
        return promise.futureResult
    }
}

extension ServiceDescription {
    /// The description narrowed to one method, or whole when `method` is nil.
    public func filtered(to method: String?) throws(RPCError) -> ServiceDescription {
        guard let method else { return self }
        let matching = methods.filter { $0.name == method }
        guard !matching.isEmpty else { throw RPCError.unknownMethod(method) }
        return ServiceDescription(service: service, version: version, methods: matching)
    }
}
