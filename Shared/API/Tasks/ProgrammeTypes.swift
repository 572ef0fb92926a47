import Foundation

/// What kind of programme (chương trình) plans implement: a resolution of the centre, or one a
/// province (or any unit) set for itself.
public enum ProgrammeKind: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// A national resolution (57-NQ/TW, 59, 66, 68, 70, 71, 72 …), declared at the root unit.
    case national
    /// A programme a unit set for itself; only plans and KPI sets at or below that unit belong to it.
    case local

    /// The kind's Vietnamese name, for people.
    public var displayName: String {
        switch self {
        case .national: "Nghị quyết Trung ương"
        case .local: "Chương trình riêng của địa phương"
        }
    }
}

/// The programme every plan and indicator made before programmes existed belongs to, and the
/// one a new plan or indicator joins when it names none.
public enum DefaultProgramme {
    /// `nq57`: Resolution 57-NQ/TW.
    public static let code = "nq57"
}

/// A programme: what plans implement and what KPI sets measure.
public struct ProgrammeInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var code: String
    public var name: String
    public var shortName: String
    public var kind: ProgrammeKind
    /// The kind's Vietnamese name, for people.
    public var kindLabel: String
    public var ownerUnitId: String
    public init(code: String, name: String, shortName: String, kind: ProgrammeKind, ownerUnitId: String) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.kindLabel = kind.displayName
        self.ownerUnitId = ownerUnitId
    }
    public static var fieldDocs: [String: String] {
        ["code": "stable code (nq57, nq71, dn-cds …)", "name": "full name (Nghị quyết 57-NQ/TW …)", "shortName": "short name (NQ 57)",
         "kind": "national or local", "kindLabel": "the kind's Vietnamese name",
         "ownerUnitId": "the unit that declared it: the root for a national resolution, the unit itself for its own"]
    }
}
