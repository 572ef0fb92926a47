import Foundation
import NIOConcurrencyHelpers
import NQ57API
import NQ57Wire

/// Unit id → path from the root, as the auth service knows them, for deciding reach. Paths
/// never change once a unit exists, so a hit needs no refresh; a miss asks the auth service
/// for that unit (and those below it). An id found missing is remembered for a second, so
/// made-up ids cannot flood the auth service.
public final class UnitPathCache: Sendable {
    private struct State {
        var paths: [String: String] = [:]
        var missing: [String: Date] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// Creates an empty cache.
    public init() {}

    /// The path of `unitId`, if it is known without asking.
    public func cachedPath(of unitId: String) -> String? {
        state.withLockedValue { $0.paths[unitId] }
    }

    /// The path of `unitId`, asking the auth service on a miss; nil if there is no such unit.
    public func path(of unitId: String, auth: RPCClient) async throws -> String? {
        let now = Date()
        let known: String?? = state.withLockedValue { state in
            if let path = state.paths[unitId] { return .some(path) }
            if let since = state.missing[unitId], now.timeIntervalSince(since) < 1 { return .some(nil) }
            return nil
        }
        if let known { return known }
        do {
            let units = try await auth.call(AuthUnitsList.self, AuthUnitsList.Params(under: unitId), timeout: .seconds(2)).units
            state.withLockedValue { state in
                for unit in units { state.paths[unit.id] = unit.path }
            }
        } catch let error as RPCError where error.code == .notFound {
            state.withLockedValue { state in
                if state.missing.count > 10_000 { state.missing.removeAll() }
                state.missing[unitId] = now
            }
            return nil
        }
        return cachedPath(of: unitId)
    }
}
