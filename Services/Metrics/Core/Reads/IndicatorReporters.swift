import MetricsRules
import NQ57Runtime

/// The units that report an indicator: its owner, or each unit directly under the owner; the
/// children of an owner are asked of the unit lookup once however many indicators it owns.
struct IndicatorReporters {
    let units: any UnitLookup
    private var children: [String: [(id: String, path: String)]] = [:]

    /// Reporters over `units`.
    init(units: any UnitLookup) { self.units = units }

    /// The units that report `indicator`.
    mutating func of(_ indicator: IndicatorRow) async throws -> [(id: String, path: String)] {
        switch indicator.reportedBy {
        case .owner:
            return [(indicator.ownerUnitId, indicator.ownerUnitPath)]
        case .children:
            if let known = children[indicator.ownerUnitId] { return known }
            let found = try await units.children(of: indicator.ownerUnitId)
            children[indicator.ownerUnitId] = found
            return found
        }
    }
}
