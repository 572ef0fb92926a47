/// The unit tree through time: each unit's life and the successor links merges and splits
/// left. Answers which units existed on a day, who carries on an ended unit's work, and whether
/// one unit is another's predecessor. A unit it does not know is taken as existing always,
/// with no links (a tree fixed by a test, or a unit the lookup has not been told about).
public struct UnitTimeline: Sendable {
    /// Each unit's life, by id.
    public let spans: [String: UnitSpan]
    /// Links by predecessor.
    public let forward: [String: [UnitLink]]
    /// Links by successor.
    public let backward: [String: [UnitLink]]

    /// A timeline of `spans` and `links`.
    public init(spans: [UnitSpan], links: [UnitLink]) {
        self.spans = Dictionary(spans.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        forward = Dictionary(grouping: links, by: \.predecessor)
        backward = Dictionary(grouping: links, by: \.successor)
    }

    /// A timeline that knows no unit: every unit exists always.
    public static let empty = UnitTimeline(spans: [], links: [])

    /// Whether `unitId` existed on `day`.
    public func exists(_ unitId: String, on day: String) -> Bool {
        spans[unitId]?.exists(on: day) ?? true
    }

    /// The day `unitId` ended, if a merge or split ended it.
    public func endDay(of unitId: String) -> String? { spans[unitId]?.until }

    /// The units that carry on `unitId`'s work, directly.
    public func successors(of unitId: String) -> [String] { (forward[unitId] ?? []).map(\.successor) }

    /// The units whose work `unitId` carries on, directly.
    public func predecessors(of unitId: String) -> [String] { (backward[unitId] ?? []).map(\.predecessor) }

    /// The units merged into `unitId`, directly: their past is summed into it when the past is
    /// re-totalled under a later tree (a split's past cannot be divided, so it stays with the unit split).
    public func mergedInto(_ unitId: String) -> [String] {
        (backward[unitId] ?? []).filter { $0.kind == .merge }.map(\.predecessor)
    }

    /// Whether `earlier` is a predecessor of `later`, directly or through other changes.
    public func isPredecessor(_ earlier: String, of later: String) -> Bool {
        var seen: Set<String> = []
        var queue = successors(of: earlier)
        while let next = queue.popLast() {
            if next == later { return true }
            if seen.insert(next).inserted { queue += successors(of: next) }
        }
        return false
    }

    /// The unit that holds `unitId`'s work on `day` by following merges forward: itself while it
    /// exists, else the unit it was merged into (and so on); nil if it was split, or did not yet exist.
    public func heir(of unitId: String, on day: String) -> String? {
        var current = unitId
        var seen: Set<String> = []
        while seen.insert(current).inserted {
            if exists(current, on: day) { return current }
            guard let end = endDay(of: current), end <= day else { return nil }
            let links = forward[current] ?? []
            guard links.count == 1, let link = links.first, link.kind == .merge else { return nil }
            current = link.successor
        }
        return nil
    }

    /// `unitIds` without any that is a predecessor of another of them: a ranking never puts a
    /// unit beside the unit that carries on its work.
    public func withoutPredecessors(_ unitIds: [String]) -> [String] {
        unitIds.filter { candidate in !unitIds.contains { $0 != candidate && isPredecessor(candidate, of: $0) } }
    }
}
