/// A unit's life: from the first day it existed to the day a merge or split ended it.
/// Days are ISO `yyyy-MM-dd` in Asia/Ho_Chi_Minh (they sort as text).
public struct UnitSpan: Sendable, Hashable {
    /// The unit.
    public var id: String
    /// Its level (`province`, `commune` …): merges and splits stay within one level.
    public var kind: String
    /// Its parent; nil for the root.
    public var parentId: String?
    /// The first day it existed (its first name's first day).
    public var from: String
    /// The day a merge or split ended it (the event's effective day: it no longer exists that
    /// day); nil while it exists.
    public var until: String?

    /// Creates a span.
    public init(id: String, kind: String, parentId: String?, from: String, until: String? = nil) {
        self.id = id
        self.kind = kind
        self.parentId = parentId
        self.from = from
        self.until = until
    }

    /// Whether the unit existed on `day`.
    public func exists(on day: String) -> Bool {
        from <= day && (until.map { day < $0 } ?? true)
    }
}

/// What a change to the tree was.
public enum UnitChangeKind: String, Sendable, Codable, CaseIterable {
    /// A new name from a day on; the unit goes on.
    case rename
    /// Several units end and one unit carries on their work.
    case merge
    /// One unit ends and several carry on its work.
    case split

    /// The kind as people read it.
    public var displayName: String {
        switch self {
        case .rename: "Đổi tên"
        case .merge: "Sáp nhập"
        case .split: "Chia tách"
        }
    }
}

/// A successor link: from `effective` on, `successor` carries on (part of) `predecessor`'s work.
public struct UnitLink: Sendable, Hashable {
    /// The unit that ended.
    public var predecessor: String
    /// A unit that carries on.
    public var successor: String
    /// Merge or split.
    public var kind: UnitChangeKind
    /// The day the predecessor ended.
    public var effective: String

    /// Creates a link.
    public init(predecessor: String, successor: String, kind: UnitChangeKind, effective: String) {
        self.predecessor = predecessor
        self.successor = successor
        self.kind = kind
        self.effective = effective
    }
}
