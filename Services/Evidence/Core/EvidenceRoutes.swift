import NQ57API
import NQ57Wire

/// The evidence service's method table.
enum EvidenceRoutes {
    static func make(_ authority: EvidenceAuthority) -> MethodRoutes {
        var routes = MethodRoutes()
        routes.on(EvidenceUploadStart.self) { params, context in try await authority.start(params, caller: context.caller) }
        routes.on(EvidenceUploadChunk.self) { params, context in
            EvidenceUploadChunk.Result(received: try await authority.chunk(params, bulk: context.bulk, caller: context.caller))
        }
        routes.on(EvidenceUploadFinish.self) { params, context in try await authority.finish(params, caller: context.caller) }
        routes.on(EvidenceUploadAbort.self) { params, context in
            try authority.abort(params, caller: context.caller)
            return Empty()
        }
        routes.on(EvidenceRequestPublication.self) { params, context in try await authority.requestPublication(params, caller: context.caller) }
        routes.on(EvidenceDecidePublication.self) { params, context in try await authority.decidePublication(params, caller: context.caller) }
        routes.on(EvidenceWithdrawPublication.self) { params, context in try await authority.withdrawPublication(params, caller: context.caller) }
        routes.on(EvidenceInfoGet.self) { params, _ in EvidenceInfoGet.Result(files: try await authority.info(params)) }
        routes.onAnswer(EvidenceRead.self) { params, _ in try await authority.read(params) }
        routes.onAnswer(EvidenceReadPublic.self) { params, _ in try await authority.readPublic(params) }
        routes.onLoop(EvidenceLogHead.self) { _, _ in Answer(authority.ledger.head()) }
        routes.onLoop(EvidenceLogKey.self) { _, _ in
            Answer(EvidenceLogKey.Result(algorithm: "Ed25519", publicKeyPEM: authority.ledger.signer.publicKeyPEM))
        }
        routes.on(EvidenceProve.self) { params, _ in try await authority.prove(params) }
        routes.on(EvidenceConsistency.self) { params, _ in try authority.ledger.consistency(from: params.from) }
        routes.on(EvidenceLogReview.self) { params, _ in
            try await authority.logReview(params)
            return Empty()
        }
        routes.on(EvidenceScrub.self) { params, _ in try await authority.scrub(sharePercent: params.sharePercent) }
        return routes
    }
}
