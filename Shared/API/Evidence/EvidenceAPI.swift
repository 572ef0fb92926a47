/// The `nq57-evidence` service's methods: the one list the gateway routes by and the service
/// must register handlers for.
public enum EvidenceAPI: ServiceAPI {
    public static let service = ServiceName.evidence
    public static let methods: [any APIMethod.Type] = [
        EvidenceUploadStart.self,
        EvidenceUploadChunk.self,
        EvidenceUploadFinish.self,
        EvidenceInfoGet.self,
        EvidenceRead.self,
        EvidenceScrub.self,
        EvidenceReadPublic.self,
        EvidenceLogHead.self,
        EvidenceLogKey.self,
        EvidenceProve.self,
        EvidenceConsistency.self,
        EvidenceLogReview.self,
        EvidenceUploadAbort.self,
        EvidenceRequestPublication.self,
        EvidenceDecidePublication.self,
        EvidenceWithdrawPublication.self,
        EvidenceLimits.self,
        EvidenceAttached.self,
        EvidenceDetach.self,
        EvidenceReviewQueue.self,
    ]
}
