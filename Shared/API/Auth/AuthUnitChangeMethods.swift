import Foundation
import UnitRules

/// `auth.units.merge`: several units end on a day and one unit carries on their work.
public enum AuthUnitsMerge: APIMethod {
    public static let name = "auth.units.merge"
    public static let summary =
        "Merge units into one from a day on: each merged unit ends that day and keeps its past; the unit merged into carries on its work."
    public static let policy = AccessPolicy.roles([.admin], over: "into")
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitIds: [String]
        public var into: String
        public var effectiveOn: String
        public var reason: String
        public init(unitIds: [String], into: String, effectiveOn: String, reason: String) {
            self.unitIds = unitIds
            self.into = into
            self.effectiveOn = effectiveOn
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            [
                "unitIds": "the units merged (they end on effectiveOn; the caller must administer each)",
                "into": "the unit that carries on their work (existing on effectiveOn, same level)",
                "effectiveOn": "first day of the merged tree (yyyy-MM-dd)", "reason": "why: the decision that made it (3 to 500 characters)",
            ]
        }
    }

    public typealias Result = UnitChangeInfo
}

/// `auth.units.split`: one unit ends on a day and several carry on its work.
public enum AuthUnitsSplit: APIMethod {
    public static let name = "auth.units.split"
    public static let summary = "Split a unit from a day on: it ends that day and keeps its past; each successor carries on part of its work."
    public static let policy = AccessPolicy.roles([.admin], over: "unitId")
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var into: [String]
        public var effectiveOn: String
        public var reason: String
        public init(unitId: String, into: [String], effectiveOn: String, reason: String) {
            self.unitId = unitId
            self.into = into
            self.effectiveOn = effectiveOn
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            [
                "unitId": "the unit split (it ends on effectiveOn)",
                "into": "at least two units that carry on its work (existing on effectiveOn, same level; the caller must administer each)",
                "effectiveOn": "first day of the new tree (yyyy-MM-dd)", "reason": "why: the decision that made it (3 to 500 characters)",
            ]
        }
    }

    public typealias Result = UnitChangeInfo
}

/// `auth.units.tree`: the tree as it stood on a day, each unit with that day's name and today's beside.
public enum AuthUnitsTree: APIMethod {
    public static let name = "auth.units.tree"
    public static let summary =
        "The units that existed on a day at and below a unit, named as on that day, each with today's name and its successors where it has ended since."
    public static let policy = AccessPolicy.open

    /// The same question as `auth.units.list`: a root and a day.
    public typealias Params = AuthUnitsList.Params

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var asOf: String
        public var units: [UnitInfo]
        public init(asOf: String, units: [UnitInfo]) {
            self.asOf = asOf
            self.units = units
        }
        public static var fieldDocs: [String: String] { ["asOf": "the day", "units": "the units that existed that day, by path"] }
    }
}

/// `auth.units.get`: one unit as on a day, with its history of renames, merges and splits.
public enum AuthUnitsGet: APIMethod {
    public static let name = "auth.units.get"
    public static let summary = "One unit named as on a day (today's name beside), with every rename, merge and split it took part in."
    public static let policy = AccessPolicy.open

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var asOf: String?
        public init(unitId: String, asOf: String? = nil) {
            self.unitId = unitId
            self.asOf = asOf
        }
        public static var fieldDocs: [String: String] { ["unitId": "the unit", "asOf": "the day for its name (yyyy-MM-dd, default: today)"] }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var unit: UnitInfo
        public var history: [UnitChangeInfo]
        public init(unit: UnitInfo, history: [UnitChangeInfo]) {
            self.unit = unit
            self.history = history
        }
        public static var fieldDocs: [String: String] {
            ["unit": "the unit", "history": "the changes it took part in, by effective day"]
        }
    }
}

/// A recorded change to the unit tree: who made it, when, why, and the units on each side.
public struct UnitChangeInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// Its number, in the order recorded.
    public var id: Int64
    /// rename, merge or split.
    public var kind: UnitChangeKind
    /// The kind as people read it.
    public var kindLabel: String
    /// First day of the change (yyyy-MM-dd).
    public var effectiveOn: String
    /// The units that ended (merge, split) or was renamed (rename).
    public var fromUnitIds: [String]
    /// The units that carry on (merge, split) or was renamed (rename).
    public var toUnitIds: [String]
    /// For a rename: the name before and after.
    public var previousName: String?
    public var newName: String?
    /// Why.
    public var reason: String
    /// Who recorded it.
    public var username: String?
    /// When it was recorded.
    public var recordedAt: Date

    /// Creates a change.
    public init(id: Int64, kind: UnitChangeKind, effectiveOn: String, fromUnitIds: [String], toUnitIds: [String], previousName: String? = nil,
                newName: String? = nil, reason: String, username: String?, recordedAt: Date) {
        self.id = id
        self.kind = kind
        kindLabel = kind.displayName
        self.effectiveOn = effectiveOn
        self.fromUnitIds = fromUnitIds
        self.toUnitIds = toUnitIds
        self.previousName = previousName
        self.newName = newName
        self.reason = reason
        self.username = username
        self.recordedAt = recordedAt
    }

    public static var fieldDocs: [String: String] {
        [
            "id": "number, in the order recorded", "kind": "rename, merge or split", "kindLabel": "the kind in words",
            "effectiveOn": "first day of the change (yyyy-MM-dd)", "fromUnitIds": "units that ended (or the unit renamed)",
            "toUnitIds": "units that carry on (or the unit renamed)", "previousName": "a rename's old name", "newName": "a rename's new name",
            "reason": "why", "username": "who recorded it", "recordedAt": "when it was recorded",
        ]
    }
}

extension UnitChangeKind: ShapeEnumerable {}
