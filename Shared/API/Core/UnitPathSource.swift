/// Unit id → path from the root, for deciding a policy's reach: what a backend's router asks
/// when it re-checks a call.
public protocol UnitPathSource: Sendable {
    /// The path of `unitId` if it is known without waiting.
    func cachedPath(of unitId: String) -> String?
    /// The path of `unitId`, looking it up if needed; nil if there is no such unit.
    func path(of unitId: String) async throws -> String?
}
