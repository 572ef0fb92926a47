import Foundation
import NQ57API

import NQ57Wire

/// What the evidence store says about evidence ids: the auth service's sibling, called on its
/// internal socket with the caller the gateway vouched for.
public protocol EvidenceLookup: Sendable {
    /// The files with these ids as seen from `unitId`; throws `not_found` for an unknown id.
    func files(_ ids: [String], unitId: String, caller: Caller) async throws -> [EvidenceInfo]
    /// Records a review decision about these files in the evidence service's tamper-evident log.
    func recordReview(_ ids: [String], decision: String, reviewer: String) async throws
}

/// Evidence from the evidence service.
public struct ServiceEvidenceLookup: EvidenceLookup {
    let evidence: RPCClient

    /// Uses `evidence`, the evidence service's internal socket.
    public init(evidence: RPCClient) { self.evidence = evidence }

    public func files(_ ids: [String], unitId: String, caller: Caller) async throws -> [EvidenceInfo] {
        try await evidence.call(EvidenceInfoGet.self, EvidenceInfoGet.Params(unitId: unitId, ids: ids), caller: caller).files
    }

    public func recordReview(_ ids: [String], decision: String, reviewer: String) async throws {
        _ = try await evidence.call(EvidenceLogReview.self, EvidenceLogReview.Params(evidenceIds: ids, decision: decision, reviewer: reviewer))
    }
}
