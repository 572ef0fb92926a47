import NQ57API
import NQ57Wire

/// Unit paths from the auth service, cached: what a backend's router uses to re-check each
/// call's access policy.
public struct AuthUnitPaths: UnitPathSource {
    private let cache = UnitPathCache()
    private let auth: RPCClient

    /// Asks `auth` (its internal socket) on a miss.
    public init(auth: RPCClient) { self.auth = auth }

    public func cachedPath(of unitId: String) -> String? { cache.cachedPath(of: unitId) }

    public func path(of unitId: String) async throws -> String? { try await cache.path(of: unitId, auth: auth) }
}
