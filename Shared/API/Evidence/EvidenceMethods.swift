import Foundation

/// An evidence file as the store knows it (never its bytes).
public struct EvidenceInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var id: String
    public var sha256: String
    public var size: Int64
    public var fileName: String
    public var mediaType: String
    public var unitId: String
    public var uploadedBy: String?
    public var uploadedAt: Date
    /// What it supports: task:ID, kpi:ID/PERIOD, report:…
    public var supports: String?
    /// Whether its bytes are intact (ok), damaged (corrupt) or gone (missing).
    public var status: FileStatus
    /// Whether anyone may read it: its publication was accepted and not withdrawn.
    public var isPublic: Bool
    /// Where a request to publish it stands; nil when nobody asked.
    public var publication: EvidencePublication?
    /// When its unit took it off its item's draft; nil while it is on it. A file taken off supports no new claim.
    public var detachedAt: Date?
    public init(id: String, sha256: String, size: Int64, fileName: String, mediaType: String, unitId: String, uploadedBy: String?,
                uploadedAt: Date, supports: String?, status: FileStatus, isPublic: Bool = false, publication: EvidencePublication? = nil,
                detachedAt: Date? = nil) {
        self.id = id
        self.sha256 = sha256
        self.size = size
        self.fileName = fileName
        self.mediaType = mediaType
        self.unitId = unitId
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
        self.supports = supports
        self.status = status
        self.isPublic = isPublic
        self.publication = publication
        self.detachedAt = detachedAt
    }
    public static var fieldDocs: [String: String] {
        [
            "id": "stable id", "sha256": "SHA-256 of the bytes (hex)", "size": "bytes", "fileName": "original name, sanitised",
            "mediaType": "detected from the bytes", "unitId": "the unit it belongs to", "uploadedBy": "account",
            "uploadedAt": "when", "supports": "what it supports (task:ID …)",
            "detachedAt": "when it was taken off its draft (absent while on it)", "status": "ok, corrupt or missing",
            "isPublic": "anyone may read it (publication accepted, not withdrawn)",
            "publication": "the request to publish it and its review, if any",
        ]
    }
}

/// `evidence.uploadStart`: opens an upload; the bytes follow in chunks.
public enum EvidenceUploadStart: APIMethod {
    public static let name = "evidence.uploadStart"
    public static let summary = "Open an upload of an evidence file for a unit; send the bytes with evidence.uploadChunk."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var fileName: String
        public var supports: String?
        public var expectedSha256: String?
        public var requestPublication: Bool?
        public var size: Int64?
        public init(unitId: String, fileName: String, supports: String? = nil, expectedSha256: String? = nil,
                    requestPublication: Bool? = nil, size: Int64? = nil) {
            self.unitId = unitId
            self.fileName = fileName
            self.supports = supports
            self.expectedSha256 = expectedSha256
            self.requestPublication = requestPublication
            self.size = size
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit it belongs to", "fileName": "original file name", "supports": "task:ID, kpi:ID/PERIOD …",
             "expectedSha256": "the hash the client expects; a mismatch refuses the upload",
             "size": "the file's size in bytes, when known: memory is set aside for that much, a larger file is refused at once and bytes beyond it are refused",
             "requestPublication": "ask to publish it once stored (as evidence.requestPublication); the head or a reviewer decides"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var uploadId: String
        public var maxChunkBytes: Int
        public init(uploadId: String, maxChunkBytes: Int) {
            self.uploadId = uploadId
            self.maxChunkBytes = maxChunkBytes
        }
        public static var fieldDocs: [String: String] { ["uploadId": "the upload", "maxChunkBytes": "largest chunk accepted"] }
    }
}

/// `evidence.uploadChunk`: the next bytes of an upload, as a raw frame.
public enum EvidenceUploadChunk: APIMethod {
    public static let name = "evidence.uploadChunk"
    public static let summary = "Append the next chunk (raw bytes, never base64) of an upload at the given offset."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let bulk = BulkUse.request
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var uploadId: String
        public var unitId: String
        public var offset: Int64
        public init(uploadId: String, unitId: String, offset: Int64) {
            self.uploadId = uploadId
            self.unitId = unitId
            self.offset = offset
        }
        public static var fieldDocs: [String: String] {
            ["uploadId": "the upload", "unitId": "its unit", "offset": "bytes already sent (chunks go in order)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var received: Int64
        public init(received: Int64) { self.received = received }
        public static var fieldDocs: [String: String] { ["received": "bytes received so far"] }
    }
}

/// `evidence.uploadFinish`: closes an upload; the file is stored once per hash.
public enum EvidenceUploadFinish: APIMethod {
    public static let name = "evidence.uploadFinish"
    public static let summary = "Close an upload: check the hash and type, store the bytes durably, record the file."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var uploadId: String
        public var unitId: String
        public init(uploadId: String, unitId: String) {
            self.uploadId = uploadId
            self.unitId = unitId
        }
        public static var fieldDocs: [String: String] { ["uploadId": "the upload", "unitId": "its unit"] }
    }
    public typealias Result = EvidenceInfo
}

/// `evidence.info`: metadata of evidence files of a unit (and those below it).
public enum EvidenceInfoGet: APIMethod {
    public static let name = "evidence.info"
    public static let summary = "Metadata of evidence files; each must belong to the unit or one below it."
    public static let policy = AccessPolicy.roles([.staff, .head, .reviewer, .steering, .inspector, .admin], over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var ids: [String]
        public init(unitId: String, ids: [String]) {
            self.unitId = unitId
            self.ids = ids
        }
        public static var fieldDocs: [String: String] { ["unitId": "the unit", "ids": "evidence ids"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var files: [EvidenceInfo]
        public init(files: [EvidenceInfo]) { self.files = files }
        public static var fieldDocs: [String: String] { ["files": "in the order asked"] }
    }
}

/// `evidence.read`: a chunk of a file's bytes, re-hashed when the whole file has been read.
public enum EvidenceRead: APIMethod {
    public static let name = "evidence.read"
    public static let summary = "Read the bytes of an evidence file as raw frames, chunk by chunk; the last chunk says whether the hash matched."
    public static let policy = AccessPolicy.roles([.staff, .head, .reviewer, .steering, .inspector, .admin], over: "unitId")
    public static let bulk = BulkUse.reply
    /// The most bytes one read answers (fewer where the service's frame limit is lower). A
    /// client reading a whole file asks for this much per call: fewer, larger ranged reads
    /// cost the object store and the services less per byte.
    public static let largestChunk = 8 << 20
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var id: String
        public var unitId: String
        public var offset: Int64
        public var length: Int
        public init(id: String, unitId: String, offset: Int64, length: Int) {
            self.id = id
            self.unitId = unitId
            self.offset = offset
            self.length = length
        }
        public static var fieldDocs: [String: String] {
            ["id": "the file", "unitId": "a unit it belongs to (or one above)", "offset": "first byte", "length": "at most this many bytes (the service answers at most 8 MiB)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var offset: Int64
        public var size: Int64
        public var sha256: String
        public init(offset: Int64, size: Int64, sha256: String) {
            self.offset = offset
            self.size = size
            self.sha256 = sha256
        }
        public static var fieldDocs: [String: String] { ["offset": "first byte of this chunk", "size": "file size", "sha256": "the file's hash"] }
    }
}

/// `evidence.scrub`: re-verifies stored files (all, or a rotating share) and reports the
/// corrupt and missing ones, marking them.
public enum EvidenceScrub: APIMethod {
    public static let name = "evidence.scrub"
    public static let summary = "Re-hash stored evidence files (all, or a rotating share of them) and report corrupt or missing ones."
    public static let policy = AccessPolicy.roles([.admin], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var sharePercent: Int?
        public init(unitId: String, sharePercent: Int? = nil) {
            self.unitId = unitId
            self.sharePercent = sharePercent
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit the admin answers for (vn for the whole store)",
             "sharePercent": "check this share of the store, a different part each day (default 100)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var checked: Int
        public var total: Int
        public var corrupt: [String]
        public var missing: [String]
        public var restored: [String]
        public var unreadable: [String]
        public init(checked: Int, total: Int, corrupt: [String], missing: [String], restored: [String] = [], unreadable: [String] = []) {
            self.checked = checked
            self.total = total
            self.corrupt = corrupt
            self.missing = missing
            self.restored = restored
            self.unreadable = unreadable
        }
        public static var fieldDocs: [String: String] {
            ["checked": "stored objects checked", "total": "stored objects", "corrupt": "evidence ids whose bytes changed",
             "missing": "evidence ids whose bytes are gone",
             "restored": "evidence ids marked damaged before whose bytes hash right again (marked ok)",
             "unreadable": "evidence ids that could not be read (I/O error): nothing marked, check again later"]
        }
    }
}

/// `evidence.readPublic`: the bytes of an evidence file whose publication was accepted, for anyone.
public enum EvidenceReadPublic: APIMethod {
    public static let name = "evidence.readPublic"
    public static let summary = "Read the bytes of a published evidence file (publication accepted, not withdrawn), without logging in."
    public static let policy = AccessPolicy.open
    public static let bulk = BulkUse.reply
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var id: String
        public var offset: Int64
        public var length: Int
        public init(id: String, offset: Int64, length: Int) {
            self.id = id
            self.offset = offset
            self.length = length
        }
        public static var fieldDocs: [String: String] { ["id": "the file", "offset": "first byte", "length": "at most this many bytes"] }
    }
    public typealias Result = EvidenceRead.Result
}
