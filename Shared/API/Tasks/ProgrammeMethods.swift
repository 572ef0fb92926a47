import Foundation

/// `tasks.programmes.list`: every programme of the deployment; open to everyone, like the public dashboards it filters.
public enum TasksProgrammeList: APIMethod {
    public static let name = "tasks.programmes.list"
    public static let summary = "Every programme (nghị quyết, chương trình) plans and KPI sets belong to: the national resolutions and the units' own."
    public static let policy = AccessPolicy.open
    public typealias Params = Empty
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var programmes: [ProgrammeInfo]
        public init(programmes: [ProgrammeInfo]) { self.programmes = programmes }
        public static var fieldDocs: [String: String] { ["programmes": "national first, then by code"] }
    }
}

/// `tasks.programmes.create`: a programme declared by an admin or the steering committee of its unit.
public enum TasksProgrammeCreate: APIMethod {
    public static let name = "tasks.programmes.create"
    public static let summary = "Declare a programme: a national resolution (at the root unit) or a unit's own programme, with its KPI sets and plans below that unit."
    public static let policy = AccessPolicy.roles([.steering, .admin], over: "ownerUnitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var code: String
        public var name: String
        public var shortName: String?
        public var kind: ProgrammeKind
        public var ownerUnitId: String
        public init(code: String, name: String, shortName: String? = nil, kind: ProgrammeKind, ownerUnitId: String) {
            self.code = code
            self.name = name
            self.shortName = shortName
            self.kind = kind
            self.ownerUnitId = ownerUnitId
        }
        public static var fieldDocs: [String: String] {
            ["code": "2–32 lower-case letters, digits or '-', unique", "name": "full name", "shortName": "short name (default: the code)",
             "kind": "national (ownerUnitId must be the root unit) or local", "ownerUnitId": "the unit that declares it"]
        }
    }
    public typealias Result = ProgrammeInfo
}
