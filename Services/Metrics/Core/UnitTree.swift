import NQ57Runtime

/// A unit and everything below it, as one call to the auth service returned it.
struct UnitTree: Sendable {
    let rootId: String
    let paths: [String: String]
    let children: [String: [String]]
    let parents: [String: String]
    /// The parent of the root, if it has one.
    let rootParentId: String?

    init(rootId: String, nodes: [UnitNode]) {
        self.rootId = rootId
        var paths: [String: String] = [:]
        var children: [String: [String]] = [:]
        var parents: [String: String] = [:]
        for node in nodes {
            paths[node.id] = node.path
            if node.id != rootId, let parent = node.parentId {
                children[parent, default: []].append(node.id)
                parents[node.id] = parent
            }
        }
        self.paths = paths
        self.children = children.mapValues { $0.sorted() }
        self.parents = parents
        rootParentId = nodes.first { $0.id == rootId }?.parentId
    }

    /// The unit directly below the root on the way to `unitId` (nil for the root itself).
    func branch(of unitId: String) -> String? {
        var current = unitId
        while let parent = parents[current] {
            if parent == rootId { return current }
            current = parent
        }
        return nil
    }

    /// Whether `unitId` is the root or below it.
    func contains(_ unitId: String) -> Bool { paths[unitId] != nil }

    /// The units directly below `unitId`.
    func children(of unitId: String) -> [String] { children[unitId] ?? [] }
}

/// The ids on a unit's path from the root, read from the path itself (`/vn/vn-75/vn-75-25246/`).
func pathUnitIds(_ path: String) -> [String] {
    path.split(separator: "/").map(String.init)
}
