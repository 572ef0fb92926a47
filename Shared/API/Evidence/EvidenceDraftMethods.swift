/// Params naming the item a draft's evidence supports: "task:ID", "task:ID/PERIOD" or "kpi:ID/PERIOD".
public struct EvidenceItemRef: Codable, Sendable, ShapeDocumented {
    public var unitId: String
    public var supports: String
    public init(unitId: String, supports: String) {
        self.unitId = unitId
        self.supports = supports
    }
    public static var fieldDocs: [String: String] {
        ["unitId": "the unit whose draft it is", "supports": "the item: task:ID, task:ID/PERIOD or kpi:ID/PERIOD"]
    }
}

/// `evidence.attached`: the files a unit uploaded for an item and has not removed, oldest first:
/// the evidence of its draft claim or report, the same from any browser, carried over after a send-back.
public enum EvidenceAttached: APIMethod {
    public static let name = "evidence.attached"
    public static let summary = "The evidence a unit uploaded for a task or KPI period and has not removed: its draft's files, oldest first."
    public static let policy = AccessPolicy.roles([.staff, .head, .reviewer, .steering, .inspector, .admin], over: "unitId")
    public typealias Params = EvidenceItemRef
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var files: [EvidenceInfo]
        public init(files: [EvidenceInfo]) { self.files = files }
        public static var fieldDocs: [String: String] { ["files": "oldest first"] }
    }
}

/// `evidence.detach`: the unit's staff or head take a file off its item's draft (to remove or
/// replace it). The bytes and the log entry stay, as the log is append-only; the file is marked
/// removed, with who and when, and no longer listed.
public enum EvidenceDetach: APIMethod {
    public static let name = "evidence.detach"
    public static let summary = "Take a file off the draft of the item it was uploaded for (removed or replaced); it stays stored and logged, marked removed."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public typealias Params = EvidenceFileRef
    public typealias Result = EvidenceInfo
}
