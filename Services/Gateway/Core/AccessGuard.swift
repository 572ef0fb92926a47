import Foundation
import NIOCore
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The gateway's door: who is calling (the access token, verified), and whether the method's
/// policy lets them make this call about this unit. Default deny: a method without a policy
/// does not exist for the gateway.
public struct AccessGuard: CallGuard {
    private let sessions: SessionVerifier
    private let units: UnitPathCache
    private let auth: RPCClient

    /// Creates the guard.
    public init(sessions: SessionVerifier, units: UnitPathCache, auth: RPCClient) {
        self.sessions = sessions
        self.units = units
        self.auth = auth
    }

    public func admit(_ request: RequestEnvelope, eventLoop: any EventLoop) -> EventLoopFuture<Admission> {
        guard let policy = APICatalog.policy(of: request.method) else {
            return eventLoop.makeFailedFuture(RPCError.unknownMethod(request.method))
        }
        // The quick path: no token or a cached one, and a call that names no unit or a known one.
        do {
            let known: Admission? = try request.token.map { token throws(RPCError) in try sessions.cachedCaller(for: token) }
                ?? Admission(caller: .anonymous)
            if let known {
                let unitId = try policy.unitId(in: request.params)
                if unitId == nil || units.cachedPath(of: unitId!) != nil {
                    return eventLoop.makeCompletedFuture {
                        try Self.decide(policy, known, unitId: unitId, unitPath: unitId.flatMap(units.cachedPath), method: request.method)
                    }
                }
            }
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        let promise = eventLoop.makePromise(of: Admission.self)
        promise.completeWithTask {
            let known = try await request.token.asyncAdmission(sessions)
            let unitId = try policy.unitId(in: request.params)
            let path = try await unitId.asyncPath(units, auth: auth)
            return try Self.decide(policy, known, unitId: unitId, unitPath: path, method: request.method)
        }
        return promise.futureResult
    }

    /// The decision for one call, as a pure function of the policy, the caller, the unit and
    /// the method (the same check every backend makes again: `AccessPolicy.admit`).
    static func decide(_ policy: AccessPolicy, _ known: Admission, unitId: String?, unitPath: String?, method: String? = nil) throws -> Admission {
        try policy.admit(known.caller, unitId: unitId, unitPath: unitPath, at: .gateway, method: method)
        return Admission(caller: known.caller, unitPath: unitPath, callerJSON: known.callerJSON)
    }
}

private extension Optional where Wrapped == String {
    func asyncAdmission(_ sessions: SessionVerifier) async throws -> Admission {
        guard let token = self else { return Admission(caller: .anonymous) }
        return try await sessions.caller(for: token)
    }

    func asyncPath(_ units: UnitPathCache, auth: RPCClient) async throws -> String? {
        guard let unitId = self else { return nil }
        do {
            return try await units.path(of: unitId, auth: auth)
        } catch {
            throw RPCError.unavailable("auth")
        }
    }
}
