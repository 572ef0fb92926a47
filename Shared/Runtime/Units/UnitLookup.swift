import Foundation
import NQ57API
import NQ57Wire

/// Where units are: the auth service in production, a fixed tree in tests.
public protocol UnitLookup: Sendable {
    /// The path of `unitId`, or nil if there is no such unit.
    func path(of unitId: String) async throws -> String?
    /// The units directly under `unitId`: (id, path).
    func children(of unitId: String) async throws -> [(id: String, path: String)]
}

/// Units from the auth service, paths cached (they never change).
public struct AuthUnitLookup: UnitLookup {
    let auth: RPCClient
    let cache = UnitPathCache()

    /// Uses `auth`, the auth service's internal socket.
    public init(auth: RPCClient) { self.auth = auth }

    public func path(of unitId: String) async throws -> String? {
        try await cache.path(of: unitId, auth: auth)
    }

    public func children(of unitId: String) async throws -> [(id: String, path: String)] {
        let units = try await auth.call(AuthUnitsList.self, AuthUnitsList.Params(under: unitId)).units
        return units.filter { $0.parentId == unitId }.map { ($0.id, $0.path) }
    }
}

