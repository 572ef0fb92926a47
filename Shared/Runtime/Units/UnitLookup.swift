import Foundation
import NQ57API
import NQ57Wire
import UnitRules

/// Where units are: the auth service in production, a fixed tree in tests.
public protocol UnitLookup: Sendable {
    /// The path of `unitId`, or nil if there is no such unit.
    func path(of unitId: String) async throws -> String?
    /// The units directly under `unitId`: (id, path).
    func children(of unitId: String) async throws -> [(id: String, path: String)]
    /// `unitId` and every unit below it, ended or not, parents before children.
    func subtree(of unitId: String) async throws -> [UnitNode]
    /// The tree through time at and below `unitId`: when each unit existed and who carries on an
    /// ended unit's work. Units it does not know exist always.
    func timeline(under unitId: String) async throws -> UnitTimeline
    /// `unitId` and every unit below it that existed on `day` (`yyyy-MM-dd`), parents before children.
    func subtree(of unitId: String, on day: String) async throws -> [UnitNode]
    /// The units directly under `unitId` that existed on `day`.
    func children(of unitId: String, on day: String) async throws -> [(id: String, path: String)]
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

    /// A tree with no changes: every unit exists always.
    public func timeline(under unitId: String) async throws -> UnitTimeline { .empty }

    /// `unitId` and every unit below it that existed on `day` (`yyyy-MM-dd`), parents before children.
    public func subtree(of unitId: String, on day: String) async throws -> [UnitNode] {
        let timeline = try await timeline(under: unitId)
        return try await subtree(of: unitId).filter { $0.id == unitId || timeline.exists($0.id, on: day) }
    }

    /// The units directly under `unitId` that existed on `day`.
    public func children(of unitId: String, on day: String) async throws -> [(id: String, path: String)] {
        let timeline = try await timeline(under: unitId)
        return try await children(of: unitId).filter { timeline.exists($0.id, on: day) }
    }

    /// Refuses a new report for `unitId` on `day` when a merge or split ended the unit by then:
    /// its past stays, its successors report from then on.
    public func requireOpen(_ unitId: String, on day: String, field: String = "unitId") async throws {
        let timeline = try await timeline(under: unitId)
        guard let end = timeline.endDay(of: unitId), end <= day else { return }
        let successors = timeline.successors(of: unitId)
        let after = successors.isEmpty ? "" : " Các đơn vị kế thừa: \(successors.joined(separator: ", "))."
        throw RPCError(.failedPrecondition,
                       "Đơn vị \(unitId) đã thôi tồn tại từ ngày \(UnitChangeRules.display(end)) (sáp nhập hoặc chia tách); không nhận báo cáo mới.\(after)",
                       details: ["field": field, "unit": unitId, "endedOn": end])
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

/// Units from the auth service. A unit's path never changes (its id and its place are fixed: a
/// unit that changes place ends by a merge or split and a new unit carries on), so paths stay
/// cached; what does change over time (names, a unit's end, successor links) is asked each time.
public struct AuthUnitLookup: UnitLookup {
    let auth: RPCClient
    let cache = UnitPathCache()

    /// Uses `auth`, the auth service's internal socket.
    public init(auth: RPCClient) { self.auth = auth }

    public func path(of unitId: String) async throws -> String? {
        try await cache.path(of: unitId, auth: auth)
    }

    public func children(of unitId: String) async throws -> [(id: String, path: String)] {
        let units = try await units(under: unitId)
        return units.filter { $0.parentId == unitId }.map { ($0.id, $0.path) }
    }

    public func subtree(of unitId: String) async throws -> [UnitNode] {
        let units = try await units(under: unitId)
        return units.sorted { $0.path.count < $1.path.count }.map { UnitNode(id: $0.id, parentId: $0.parentId, path: $0.path) }
    }

    public func timeline(under unitId: String) async throws -> UnitTimeline {
        UnitTimeline(units: try await units(under: unitId))
    }

    /// One listing gives both the tree and its timeline (the defaults would ask auth twice).
    public func subtree(of unitId: String, on day: String) async throws -> [UnitNode] {
        let units = try await units(under: unitId)
        let timeline = UnitTimeline(units: units)
        return units.filter { $0.id == unitId || timeline.exists($0.id, on: day) }
            .sorted { $0.path.count < $1.path.count }.map { UnitNode(id: $0.id, parentId: $0.parentId, path: $0.path) }
    }

    /// One listing gives both the children and their timeline (the defaults would ask auth twice).
    public func children(of unitId: String, on day: String) async throws -> [(id: String, path: String)] {
        let units = try await units(under: unitId)
        let timeline = UnitTimeline(units: units)
        return units.filter { $0.parentId == unitId && timeline.exists($0.id, on: day) }.map { ($0.id, $0.path) }
    }

    private func units(under unitId: String) async throws -> [UnitInfo] {
        try await auth.call(AuthUnitsList.self, AuthUnitsList.Params(under: unitId)).units
    }
}

extension UnitTimeline {
    /// The timeline of units as the auth service lists them.
    public init(units: [UnitInfo]) {
        let spans = units.map { unit in
            UnitSpan(id: unit.id, kind: unit.kind.rawValue, parentId: unit.parentId, from: unit.validFrom ?? "0000-01-01", until: unit.endedOn)
        }
        // Each link read from the unit that ended: one successor is a merge (a split has at least two), on the day it ended.
        var links: [UnitLink] = []
        for unit in units {
            guard let end = unit.endedOn, let successors = unit.successorIds else { continue }
            let merged = successors.count == 1
            for successor in successors {
                links.append(UnitLink(predecessor: unit.id, successor: successor, kind: merged ? .merge : .split, effective: end))
            }
        }
        self.init(spans: spans, links: links)
    }
}
