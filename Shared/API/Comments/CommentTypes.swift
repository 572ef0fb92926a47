import Foundation
import NQ57Wire
import ReviewRules

/// One comment on a task (or one report period of it) or on a KPI report, between the unit and
/// its reviewers; comments are kept with the item for good, oldest first.
public struct CommentInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// Its place among the service's comments.
    public var seq: Int64
    /// When it was written.
    public var at: Date
    /// Who wrote it (login name).
    public var username: String?
    /// The side it was written from: `reviewer` (a reviewer above the unit), `head` or `staff` (the unit).
    public var role: ReviewRole
    /// The report period it is about, where the item has periods.
    public var period: String?
    /// What was said (trimmed, NFC, at most 4,000 characters).
    public var text: String

    /// Creates a comment.
    public init(seq: Int64, at: Date, username: String?, role: ReviewRole, period: String? = nil, text: String) {
        self.seq = seq
        self.at = at
        self.username = username
        self.role = role
        self.period = period
        self.text = text
    }

    public static var fieldDocs: [String: String] {
        ["seq": "its place among the comments", "at": "when it was written", "username": "who wrote it",
         "role": "the side it was written from: reviewer, head or staff", "period": "the report period it is about",
         "text": "what was said (at most 4,000 characters)"]
    }
}

/// The comments of an item, oldest first.
public struct CommentList: Codable, Sendable, Equatable, ShapeDocumented {
    /// Oldest first.
    public var comments: [CommentInfo]

    /// Creates a list.
    public init(comments: [CommentInfo]) { self.comments = comments }

    public static var fieldDocs: [String: String] { ["comments": "oldest first"] }
}

/// Who may comment on an item and as which side: the unit's staff or head, or a reviewer above it.
public enum CommentRules {
    /// The side `caller` comments from on an item of the unit at `unitPath`: reviewer when they
    /// review it from above, else head or staff of the unit (or above it); refuses anyone else.
    public static func side(of caller: Caller, forUnitAt unitPath: String) throws(RPCError) -> ReviewRole {
        let actor = try caller.reviewActor(forUnitAt: unitPath)
        if actor.roles.contains(.reviewer) && !actor.isOfItemUnit { return .reviewer }
        if actor.roles.contains(.head) { return .head }
        if actor.roles.contains(.staff) { return .staff }
        throw RPCError(.permissionDenied, "Chỉ chuyên viên, người đứng đầu của đơn vị và cơ quan thẩm định cấp trên được trao đổi ý kiến về việc này.")
    }

    /// The comment text as stored: required, trimmed, NFC, at most 4,000 characters (`FreeText`).
    public static func text(_ text: String) throws -> String {
        try FreeText.required(text, field: "text", label: "Nội dung ý kiến")
    }
}
