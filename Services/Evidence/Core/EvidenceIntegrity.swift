import EvidenceStorage
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import NQ57API
import NQ57Wire

/// The integrity of stored bytes: marks damage found (by a read or a scrub) and its repair,
/// each a leaf of the evidence log, and `evidence.scrub`, which re-hashes the store.
struct EvidenceIntegrity: EvidencePart {
    let context: EvidenceContext

    /// Registers `evidence.scrub`.
    func register(in routes: inout MethodRoutes) {
        routes.on(EvidenceScrub.self) { params, _ in try await scrub(sharePercent: params.sharePercent) }
    }

    /// Sets the status of every file stored under each hash and logs each change as an
    /// `integrity` leaf of the evidence log, in one transaction. Files already in that status
    /// are left alone (a scrub that finds the same damage again adds nothing). Returns the ids
    /// whose status changed, with their new status.
    @discardableResult
    func markIntegrity(_ found: [String: FileStatus], foundBy: String) async throws -> [String: FileStatus] {
        guard !found.isEmpty else { return [:] }
        for (sha256, status) in found where status != .ok { await manifests.forget(sha256) }
        let at = Int64(clock.now.timeIntervalSince1970 * 1000)
        let changed = try await database.pool.write { db -> [String: FileStatus] in
            var changed: [String: FileStatus] = [:]
            for (sha256, status) in found.sorted(by: { $0.key < $1.key }) {
                let ids = try EvidenceFileRecord.ids(db, withHash: sha256, statusOtherThan: status)
                guard !ids.isEmpty else { continue }
                try EvidenceFileRecord.setStatus(db, status, forHash: sha256)
                for id in ids {
                    try self.ledger.append(db, .integrity(evidenceId: id, sha256: sha256, status: status.rawValue, foundBy: foundBy, at: at),
                                           evidenceId: id)
                    changed[id] = status
                }
            }
            return changed
        }
        for (id, status) in changed.sorted(by: { $0.key < $1.key }) {
            if status == .ok {
                logger.notice("evidence bytes intact again", metadata: ["id": "\(id)", "found": "\(foundBy)"])
            } else {
                logger.error("evidence bytes damaged", metadata: ["id": "\(id)", "status": "\(status.rawValue)", "found": "\(foundBy)"])
            }
        }
        return changed
    }

    /// Re-hashes every stored object, or a share of them that rotates day by day. Objects
    /// that hash wrong are marked corrupt, files whose object is gone missing, and files
    /// marked before whose bytes hash right again are restored (all logged). An object that
    /// cannot be read (an I/O error) marks nothing and is reported as unreadable.
    func scrub(sharePercent: Int?) async throws -> EvidenceScrub.Result {
        let share = min(100, max(1, sharePercent ?? 100))
        let store = self.store
        let day = Int(clock.now.timeIntervalSince1970 / 86_400)
        let (known, markedBefore) = try await database.pool.read { db in
            (try EvidenceFileRecord.hashes(db), Set(try EvidenceFileRecord.hashes(db, damagedOnly: true)))
        }
        let survey: ScrubSurvey
        do {
            survey = try await Self.blocking {
                var survey = ScrubSurvey()
                let hashes = try store.allHashes().sorted()
                survey.total = hashes.count
                if !hashes.isEmpty {
                    let count = max(1, (hashes.count * share + 99) / 100)
                    let start = (day * count) % hashes.count
                    survey.checked = count
                    for offset in 0..<count { survey.check(hashes[(start + offset) % hashes.count], in: store) }
                }
                // Files whose object is gone entirely are not listed: find them from the database.
                if share == 100 {
                    let listed = Set(hashes)
                    for hash in known where !listed.contains(hash) { survey.check(hash, in: store) }
                }
                return survey
            }
        } catch {
            throw Self.storageFailure(error, logger: logger, operation: "scrub")
        }
        for (hash, error) in survey.unreadable.sorted(by: { $0.key < $1.key }) {
            logger.error("evidence object unreadable during scrub", metadata: ["sha256": "\(hash)", "error": "\(error)"])
        }
        // Intact objects matter only where a file was marked before: those are restored.
        let changed = try await markIntegrity(survey.found.filter { $0.value != .ok || markedBefore.contains($0.key) }, foundBy: "scrub")
        let found = survey.found
        let unreadable = Array(survey.unreadable.keys)
        return try await database.pool.read { db in
            func ids(_ hashes: [String]) throws -> [String] { try EvidenceFileRecord.ids(db, withAnyHashOf: hashes) }
            func hashes(_ status: FileStatus) -> [String] { found.filter { $0.value == status }.map(\.key) }
            return EvidenceScrub.Result(checked: survey.checked, total: survey.total,
                                        corrupt: try ids(hashes(.corrupt)), missing: try ids(hashes(.missing)),
                                        restored: changed.filter { $0.value == .ok }.map(\.key).sorted(),
                                        unreadable: try ids(unreadable))
        }
    }
}
