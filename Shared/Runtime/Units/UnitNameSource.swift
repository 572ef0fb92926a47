import NQ57API
import NQ57Wire

/// Units' names, for the tables people read (exports name every unit beside its code).
public protocol UnitNameSource: Sendable {
    /// The name of `unitId` and of every unit below it, as on `day` (`yyyy-MM-dd`), by id.
    func names(under unitId: String, on day: String) async throws -> [String: String]
}

extension AuthUnitLookup: UnitNameSource {
    /// One listing from the auth service, named as on `day`.
    public func names(under unitId: String, on day: String) async throws -> [String: String] {
        let units = try await auth.call(AuthUnitsList.self, AuthUnitsList.Params(under: unitId, asOf: day)).units
        return Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
