import Foundation
@testable import EvidenceCore
import Testing

/// `sys.metrics` of the evidence service shows the files recorded and the bytes the store holds for them.
@Suite("Evidence gauges")
struct EvidenceGaugesTests {
    @Test("Files are counted as recorded; bytes once per content, as the store keeps them")
    func filesAndBytes() async throws {
        let fixture = try EvidenceFixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        func gauges() async throws -> [String: Double] {
            let read = try await EvidenceGauges.read(database: fixture.database)
            return Dictionary(uniqueKeysWithValues: read.map { ($0.name, $0.value) })
        }
        #expect(try await gauges() == ["nq57_evidence_stored_files": 0, "nq57_evidence_stored_bytes": 0])
        let first = try await fixture.upload(EvidenceFixture.png(size: 3000, seed: 1))
        let second = try await fixture.upload(EvidenceFixture.png(size: 5000, seed: 2))
        let again = try await fixture.upload(EvidenceFixture.png(size: 3000, seed: 1), as: EvidenceFixture.otherStaff)
        #expect(again.sha256 == first.sha256)
        let files = Set([first.id, second.id, again.id]).count
        #expect(try await gauges() == ["nq57_evidence_stored_files": Double(files), "nq57_evidence_stored_bytes": 8000])
    }
}
