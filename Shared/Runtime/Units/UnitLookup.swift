import Foundation
import NQ57API
import NQ57Wire

/// Where units are: the auth service in production, a fixed tree in tests.
public protocol UnitLookup: Sendable {
    /// The path of `unitId`, or nil if there is no such unit.
    func path(of unitId: String) async throws -> String?
    /// The units directly under `unitId`: (id, path).
    func children(of unitId: String) async throws -> [(id: String, path: String)]
    /// `unitId` and every unit below it, parents before children.
    func subtree(of unitId: String) async throws -> [UnitNode]
}

/// A unit's place in the tree.
public struct UnitNode: Sendable, Hashable {
    /// The unit.
    public var id: String
    /// Its parent; nil for the root.
    public var parentId: String?
    /// Its path from the root.
    public var path: String
    /// Creates a node.
    public init(id: String, parentId: String?, path: String) {
        self.id = id
        self.parentId = parentId
        self.path = path
    }
}

extension UnitLookup {
    /// The path of `unitId`, or a `not_found` error naming `field` when there is no such unit.
    public func requiredPath(of unitId: String, field: String = "unitId") async throws -> String {
        guard let path = try await path(of: unitId) else {
            throw RPCError(.notFound, "Không có đơn vị \"\(unitId)\".", details: ["field": field, "unit": unitId])
        }
        return path
    }

    /// The subtree walked one level at a time through `children(of:)`.
    public func subtree(of unitId: String) async throws -> [UnitNode] {
        guard let path = try await path(of: unitId) else { return [] }
        var nodes = [UnitNode(id: unitId, parentId: nil, path: path)]
        var index = 0
        while index < nodes.count {
            for child in try await children(of: nodes[index].id) {
                nodes.append(UnitNode(id: child.id, parentId: nodes[index].id, path: child.path))
            }
            index += 1
        }
        return nodes
    }
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

    public func subtree(of unitId: String) async throws -> [UnitNode] {
        let units = try await auth.call(AuthUnitsList.self, AuthUnitsList.Params(under: unitId)).units
        return units.sorted { $0.path.count < $1.path.count }.map { UnitNode(id: $0.id, parentId: $0.parentId, path: $0.path) }
    }
}

