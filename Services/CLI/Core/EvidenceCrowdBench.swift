import Foundation
import NQ57API
import NQ57Wire

/// The month's-end crowd of `nq57 bench evidence --crowd N`: N uploads of one file started at
/// once through the gateway, as many communes sending their evidence together. It shows what
/// the evidence service's memory budget (`NQ57_EVIDENCE_BUFFER_MIB`) does: uploads beyond it
/// wait their turn, and the service's peak heap stays near the budget whatever N is.
struct EvidenceCrowdBench {
    /// What a crowd measured.
    struct Outcome {
        /// Uploads stored.
        var stored = 0
        /// Uploads refused because no memory came free in time (`unavailable`, reason `busy`).
        var busy = 0
        /// Uploads that failed otherwise, with the first error.
        var failed = 0
        var firstFailure: String?
        /// Seconds from the first start to the last answer.
        var seconds = 0.0
    }

    let file: String
    let size: Int64
    let sha256: String
    let client: RPCClient
    let token: String

    /// Runs `count` uploads of the file at once, each on its own task over the one connection.
    func run(count: Int) async -> Outcome {
        let started = ContinuousClock.now
        var outcome = Outcome()
        await withTaskGroup(of: Result<Void, any Error>.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do {
                        try await upload()
                        return .success(())
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for await result in group {
                switch result {
                case .success: outcome.stored += 1
                case .failure(let error as RPCError) where error.code == .unavailable && error.details?["reason"] == "busy":
                    outcome.busy += 1
                case .failure(let error):
                    outcome.failed += 1
                    if outcome.firstFailure == nil { outcome.firstFailure = "\(error)" }
                }
            }
        }
        outcome.seconds = (ContinuousClock.now - started) / .seconds(1)
        return outcome
    }

    /// One upload, as `nq57 evidence put` makes it: size and hash announced, chunks one after another.
    private func upload() async throws {
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn", fileName: "dong-loat.pdf", expectedSha256: sha256,
                                                                          size: size), token: token, timeout: .seconds(120))
        do {
            _ = try await EvidenceTransfer.send(file, to: start, unitId: "vn", client: client, token: token)
            _ = try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn"), token: token, timeout: .seconds(120))
        } catch {
            _ = try? await client.call(EvidenceUploadAbort.self, .init(uploadId: start.uploadId, unitId: "vn"), token: token)
            throw error
        }
    }
}
