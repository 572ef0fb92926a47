import NQ57Runtime

/// A unit tree fixed by a test: ids → paths from the root, answering `UnitLookup` from the
/// dictionary alone (a unit's children are the paths one level below its own).
public protocol FixedUnitTree: UnitLookup {
    /// Unit id → path, e.g. `"vn-75": "/vn/vn-75/"`.
    static var paths: [String: String] { get }
}

extension FixedUnitTree {
    public func path(of unitId: String) async throws -> String? { Self.paths[unitId] }

    public func children(of unitId: String) async throws -> [(id: String, path: String)] {
        guard let parent = Self.paths[unitId] else { return [] }
        return Self.paths.filter { $0.value.hasPrefix(parent) && $0.value != parent
            && !$0.value.dropFirst(parent.count).dropLast().contains("/") }
            .map { ($0.key, $0.value) }.sorted { $0.id < $1.id }
    }
}
