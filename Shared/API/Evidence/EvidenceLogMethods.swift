import Foundation

/// A signed head of the evidence log: its size and root, when, and the log key's signature.
public struct SignedTreeHead: Codable, Sendable, Equatable, ShapeDocumented {
    public var size: Int
    public var root: String
    public var timestamp: Int64
    public var signature: String
    public init(size: Int, root: String, timestamp: Int64, signature: String) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
        self.signature = signature
    }
    public static var fieldDocs: [String: String] {
        ["size": "entries in the log", "root": "Merkle root (RFC 6962, SHA-256, hex)", "timestamp": "ms since the Unix epoch",
         "signature": "Ed25519 over \"nq57-evidence-log-v1\\n<size>\\n<root>\\n<timestamp>\" (base64)"]
    }
}

/// `evidence.logHead`: the log's current head, signed.
public enum EvidenceLogHead: APIMethod {
    public static let name = "evidence.logHead"
    public static let summary = "The evidence log's current signed tree head; keep it to check later that history was not rewritten."
    public static let policy = AccessPolicy.open
    public typealias Params = Empty
    public typealias Result = SignedTreeHead
}

/// `evidence.logKey`: the public key that signs tree heads.
public enum EvidenceLogKey: APIMethod {
    public static let name = "evidence.logKey"
    public static let summary = "The public key (Ed25519, PEM) that signs the evidence log's tree heads."
    public static let policy = AccessPolicy.open
    public typealias Params = Empty
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var algorithm: String
        public var publicKeyPEM: String
        public init(algorithm: String, publicKeyPEM: String) {
            self.algorithm = algorithm
            self.publicKeyPEM = publicKeyPEM
        }
        public static var fieldDocs: [String: String] { ["algorithm": "Ed25519", "publicKeyPEM": "the public key"] }
    }
}

/// `evidence.prove`: the log entry of a stored file, with an inclusion proof against a signed head.
public enum EvidenceProve: APIMethod {
    public static let name = "evidence.prove"
    public static let summary = "The log entry recording an evidence file, and its inclusion proof in the current signed tree head."
    public static let policy = AccessPolicy.roles([.staff, .head, .reviewer, .steering, .inspector, .admin], over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var id: String
        public var unitId: String
        public init(id: String, unitId: String) {
            self.id = id
            self.unitId = unitId
        }
        public static var fieldDocs: [String: String] { ["id": "the evidence file", "unitId": "its unit or one above"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var entry: String
        public var index: Int
        public var head: SignedTreeHead
        public var proof: [String]
        public init(entry: String, index: Int, head: SignedTreeHead, proof: [String]) {
            self.entry = entry
            self.index = index
            self.head = head
            self.proof = proof
        }
        public static var fieldDocs: [String: String] {
            ["entry": "the entry's canonical JSON (its leaf bytes)", "index": "its position in the log",
             "head": "the signed head the proof is for", "proof": "audit path (hex hashes)"]
        }
    }
}

/// `evidence.consistency`: proof that the log only grew since an older size.
public enum EvidenceConsistency: APIMethod {
    public static let name = "evidence.consistency"
    public static let summary = "A consistency proof from an older log size to the current signed head (RFC 6962)."
    public static let policy = AccessPolicy.open
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var from: Int
        public init(from: Int) { self.from = from }
        public static var fieldDocs: [String: String] { ["from": "the size of the head kept earlier"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var head: SignedTreeHead
        public var proof: [String]
        public init(head: SignedTreeHead, proof: [String]) {
            self.head = head
            self.proof = proof
        }
        public static var fieldDocs: [String: String] { ["head": "the current signed head", "proof": "consistency proof (hex hashes)"] }
    }
}

/// `evidence.logReview`: a review decision about evidence, recorded in the log by the tasks service.
public enum EvidenceLogReview: APIMethod {
    public static let name = "evidence.logReview"
    public static let summary = "Append review decisions about evidence files to the tamper-evident log (from the tasks service)."
    public static let policy = AccessPolicy.gatewayOnly
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var evidenceIds: [String]
        public var decision: String
        public var reviewer: String
        public init(evidenceIds: [String], decision: String, reviewer: String) {
            self.evidenceIds = evidenceIds
            self.decision = decision
            self.reviewer = reviewer
        }
        public static var fieldDocs: [String: String] {
            ["evidenceIds": "the files reviewed", "decision": "accept or sendBack", "reviewer": "who decided"]
        }
    }
    public typealias Result = Empty
}
