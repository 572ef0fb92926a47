import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// What anyone may see without logging in (`metrics.public`).
public struct PublicIndicators: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsPublic.self) { params, _ in try await publicIndicators(params) }
    }

    /// `metrics.public`.
    public func publicIndicators(_ params: UnitAsOf) async throws -> MetricsPublic.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let programme = try await context.programmeFilter(params.programme)
        let indicators = try await context.database.pool.read { db in try IndicatorRow.fetchAll(db, concerning: path) }
            .map(Indicator.init)
            .filter { $0.ownerUnitPath.hasPrefix(path) && (programme == nil || $0.programme == programme) }
        // One tree for all of them: each owner is in it.
        let tree = try await context.tree(of: params.unitId)
        var published: [PublicIndicatorInfo] = []
        for indicator in indicators {
            let status = context.status(of: indicator, unitId: indicator.ownerUnitId, unitPath: indicator.ownerUnitPath, in: tree, asOf: asOf)
            published.append(PublicIndicatorInfo(
                code: indicator.code, name: indicator.name, group: indicator.group,
                planNumber: indicator.planNumber.isEmpty ? nil : indicator.planNumber, ownerUnitId: indicator.ownerUnitId,
                period: status.period, valueText: status.valueText, target: status.target, milestone: status.milestone,
                status: status.status, statusText: status.statusText, programme: indicator.programme))
        }
        return MetricsPublic.Result(asOf: asOf.iso, indicators: published)
    }
}
