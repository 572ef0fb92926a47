import ReviewRules

/// Where a request to publish an evidence file stands (the shared review workflow:
/// submitted, accepted, sentBack, withdrawn). Days are `yyyy-MM-dd` in Asia/Ho_Chi_Minh.
public struct EvidencePublication: Codable, Sendable, Equatable, ShapeDocumented {
    /// The review workflow's own state.
    public var state: ReviewState
    public var submittedOn: String?
    public var submittedBy: String?
    public var decidedOn: String?
    public var decidedBy: String?
    public var reason: String?
    public init(state: ReviewState, submittedOn: String? = nil, submittedBy: String? = nil, decidedOn: String? = nil,
                decidedBy: String? = nil, reason: String? = nil) {
        self.state = state
        self.submittedOn = submittedOn
        self.submittedBy = submittedBy
        self.decidedOn = decidedOn
        self.decidedBy = decidedBy
        self.reason = reason
    }
    public static var fieldDocs: [String: String] {
        ["state": "submitted, accepted, sentBack or withdrawn", "submittedOn": "day of the last request",
         "submittedBy": "account that last asked", "decidedOn": "day of the last decision or withdrawal",
         "decidedBy": "account that decided or withdrew", "reason": "why it was sent back or withdrawn"]
    }
}

/// Params naming one evidence file of a unit (or of a unit below it).
public struct EvidenceFileRef: Codable, Sendable, ShapeDocumented {
    public var id: String
    public var unitId: String
    public init(id: String, unitId: String) {
        self.id = id
        self.unitId = unitId
    }
    public static var fieldDocs: [String: String] { ["id": "the evidence file", "unitId": "its unit or one above"] }
}

/// `evidence.requestPublication`: staff or the head ask for a file to be published.
public enum EvidenceRequestPublication: APIMethod {
    public static let name = "evidence.requestPublication"
    public static let summary = "Ask for an evidence file to be published (readable by anyone); the head or a reviewer decides, never the one who asked."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public typealias Params = EvidenceFileRef
    public typealias Result = EvidenceInfo
}

/// `evidence.decidePublication`: the head or a reviewer accepts a request to publish, or sends it back.
public enum EvidenceDecidePublication: APIMethod {
    public static let name = "evidence.decidePublication"
    public static let summary = "Accept a request to publish an evidence file (it becomes readable by anyone) or send it back with a reason."
    public static let policy = AccessPolicy.roles([.head, .reviewer], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var id: String
        public var unitId: String
        public var decision: ReviewDecision
        public var reason: String?
        public init(id: String, unitId: String, decision: ReviewDecision, reason: String? = nil) {
            self.id = id
            self.unitId = unitId
            self.decision = decision
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            ["id": "the evidence file", "unitId": "its unit or one above", "decision": "accept or sendBack",
             "reason": "why, when sent back"]
        }
    }
    public typealias Result = EvidenceInfo
}

/// `evidence.withdrawPublication`: the head or a reviewer takes a published file down.
public enum EvidenceWithdrawPublication: APIMethod {
    public static let name = "evidence.withdrawPublication"
    public static let summary = "Withdraw a published evidence file: nobody reads it without logging in any more; it may be requested again."
    public static let policy = AccessPolicy.roles([.head, .reviewer], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var id: String
        public var unitId: String
        public var reason: String?
        public init(id: String, unitId: String, reason: String? = nil) {
            self.id = id
            self.unitId = unitId
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            ["id": "the evidence file", "unitId": "its unit or one above", "reason": "why it is taken down (recorded)"]
        }
    }
    public typealias Result = EvidenceInfo
}

/// `evidence.uploadAbort`: the account that opened an upload drops it and its bytes.
public enum EvidenceUploadAbort: APIMethod {
    public static let name = "evidence.uploadAbort"
    public static let summary = "Drop an upload in progress and its bytes; only the account that opened it may."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public typealias Params = EvidenceUploadFinish.Params
    public typealias Result = Empty
}
