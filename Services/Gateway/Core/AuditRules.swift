import Foundation
import NQ57API
import NQ57Wire

/// Which calls through the gateway go on the audit record, and what their record says: every
/// write to a backend other than auth (auth audits its own, with more detail), every read of an
/// evidence file's bytes, and every call refused as `unauthenticated` or `permission_denied`,
/// whether by the gateway's door or by the service. The one place that owns the rule.
public enum AuditRules {
    /// The kinds of record the gateway makes.
    public enum Action: String, Sendable {
        /// A write that reached its service (whatever its outcome).
        case call
        /// A read of an evidence file's bytes.
        case read
        /// A call refused for who the caller is or what they may do.
        case refused
    }

    /// Methods that hand out the bytes of an evidence file.
    public static let evidenceReads: Set<String> = [EvidenceRead.name, EvidenceReadPublic.name]

    /// The longest id kept in a record's target: ids come from the caller's params, and a
    /// record must stay small whatever they send (a batch of records is bounded in bytes).
    static let longestId = 128

    /// Params naming what a call is about, most specific first, with the word a record uses.
    /// `id` names an evidence file in `evidence.*` methods only.
    static let objectFields: [(field: String, kind: String)] = [
        ("taskId", "task"), ("indicatorId", "indicator"), ("evidenceId", "evidence"), ("uploadId", "upload"),
        ("planId", "plan"), ("unitId", "unit"),
    ]

    /// The action to record for a call to `method` that the door let through to `service` and
    /// that came back with `outcome`, or nil if it is not audited. (A call the door refused is
    /// always `refused`.) The auth service's own refusals are its to audit: a wrong password is
    /// already its `loginFailed`.
    public static func action(method: String, service: ServiceName, outcome: Result<RawJSON, RPCError>) -> Action? {
        if case .failure(let error) = outcome, isRefusal(error.code) { return service == .auth ? nil : .refused }
        if evidenceReads.contains(method) { return .read }
        if service != .auth, APICatalog.writes(method) { return .call }
        return nil
    }

    /// Whether a refusal with `code` is audited: a refusal for who the caller is or what they may do.
    public static func isRefusal(_ code: ErrorCode) -> Bool {
        code == .unauthenticated || code == .permissionDenied
    }

    /// The record of a call to `method` with `params`, by `caller`, about the unit at `unitPath`
    /// (if the door learned it).
    public static func record(method: String, params: RawJSON, caller: Caller?, unitPath: String?, action: Action,
                              outcome: Result<RawJSON, RPCError>, at: Date) -> AuditRecord {
        let outcomeText: String
        switch outcome {
        case .success: outcomeText = "ok"
        case .failure(let error): outcomeText = error.code.rawValue
        }
        let objects = objects(method: method, params: params)
        let unitId = objects.first { $0.kind == "unit" }?.id
        // A call that names no unit is placed at the caller's; one whose unit the door did not
        // resolve (refused first) is placed by the auth service at the unit it names.
        return AuditRecord(at: at, account: caller?.account, username: caller?.username,
                           unitPath: unitPath ?? (unitId == nil ? caller?.grants.first?.unitPath : nil),
                           unitId: unitId, method: method, action: action.rawValue,
                           target: objects.isEmpty ? nil : objects.map { "\($0.kind):\($0.id)" }.joined(separator: " "),
                           outcome: outcomeText)
    }

    /// What the params name, most specific first: each id cut to `longestId` characters.
    static func objects(method: String, params: RawJSON) -> [(kind: String, id: String)] {
        var fields = objectFields
        if method.hasPrefix("evidence.") { fields.insert(("id", "evidence"), at: 0) }
        return fields.compactMap { field in
            guard case .string(let value)? = try? params.stringMember(field.field), !value.isEmpty else { return nil }
            return (field.kind, String(value.prefix(longestId)))
        }
    }
}
