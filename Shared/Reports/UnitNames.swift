import NQ57API

/// Units' names by id, as on a day, for tables people read.
public struct UnitNames: Sendable {
    /// Names by unit id.
    public var byId: [String: String]

    /// Names from a given map.
    public init(_ byId: [String: String] = [:]) { self.byId = byId }

    /// The names of `unitId` and every unit below it, as on `day` (`yyyy-MM-dd`; nil is today), from `auth.units.list`.
    public static func load(under unitId: String?, on day: String?, from reader: some APIReader) async throws -> UnitNames {
        let units = try await reader.call(AuthUnitsList.self, AuthUnitsList.Params(under: unitId, asOf: day)).units
        return UnitNames(Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The name of `unitId`, or nil if unknown.
    public func name(of unitId: String) -> String? { byId[unitId] }

    /// The name of `unitId`, or its id if unknown.
    public func label(_ unitId: String) -> String { byId[unitId] ?? unitId }
}
