import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore

/// Drafts on the server (issue 16 item 2): what a unit uploads for an item is listed for that
/// item whoever asks from the unit; taking a file off keeps it stored and logged but off the
/// list; another unit can neither see nor take off the unit's files.
@Suite struct DraftEvidenceTests {
    static let vpdu = "vn-75-25246-vpdu"

    private func upload(_ fixture: EvidenceFixture, supports: String?, unit: String = EvidenceFixture.pkt, as caller: Caller = EvidenceFixture.staff,
                        seed: UInt8) async throws -> EvidenceInfo {
        let id = try await fixture.authority.uploads.start(.init(unitId: unit, fileName: "minh-chung-\(seed).png", supports: supports),
                                                           caller: caller).uploadId
        try await fixture.chunk(id, EvidenceFixture.png(seed: seed), as: caller, unit: unit)
        return try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: unit), caller: caller)
    }

    @Test("The files uploaded for an item are its draft, oldest first, and only those of that unit and item")
    func listed() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let first = try await upload(fixture, supports: "task:t-1", seed: 1)
        fixture.clock.advance(by: 60)
        let second = try await upload(fixture, supports: "task:t-1", as: EvidenceFixture.head, seed: 2)
        _ = try await upload(fixture, supports: "task:t-2", seed: 3)
        _ = try await upload(fixture, supports: "kpi:k-1/2026-Q3", seed: 4)
        _ = try await upload(fixture, supports: nil, seed: 5)
        let other = DraftEvidenceTests.staffOf(Self.vpdu)
        _ = try await upload(fixture, supports: "task:t-1", unit: Self.vpdu, as: other, seed: 6)

        let drafts = fixture.authority.drafts
        #expect(try await drafts.attached(.init(unitId: EvidenceFixture.pkt, supports: "task:t-1")).map(\.id) == [first.id, second.id])
        #expect(try await drafts.attached(.init(unitId: EvidenceFixture.pkt, supports: "kpi:k-1/2026-Q4")).isEmpty)
        #expect(try await drafts.attached(.init(unitId: Self.vpdu, supports: "task:t-1")).count == 1, "each unit its own draft")
        #expect(try await drafts.attached(.init(unitId: "vn-75-25246", supports: "task:t-1")).isEmpty, "the commune above has no draft of its own")
        let blank = await capture { _ = try await drafts.attached(.init(unitId: EvidenceFixture.pkt, supports: "  ")) }
        #expect(blank?.code == .invalidArgument && blank?.details?["field"] == "supports")
        let unknown = await capture { _ = try await drafts.attached(.init(unitId: "vn-99", supports: "task:t-1")) }
        #expect(unknown?.code == .notFound)
    }

    @Test("Taken off: no longer listed, still stored, readable and logged; twice changes nothing; another unit's file is not found")
    func detached() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await upload(fixture, supports: "kpi:k-1/2026-Q3", seed: 1)
        let kept = try await upload(fixture, supports: "kpi:k-1/2026-Q3", seed: 2)
        let drafts = fixture.authority.drafts
        let entries = try await fixture.logEntries(file.id)

        // Another unit (a sibling) and the unit above cannot take it off: not found, as if it did not exist.
        for unit in [Self.vpdu, "vn-75-25246"] {
            let refused = await capture { _ = try await drafts.detach(.init(id: file.id, unitId: unit), caller: DraftEvidenceTests.staffOf(unit)) }
            #expect(refused?.code == .notFound && refused?.details?["field"] == "id", "\(unit)")
        }
        #expect(try await drafts.attached(.init(unitId: EvidenceFixture.pkt, supports: "kpi:k-1/2026-Q3")).count == 2)

        _ = try await drafts.detach(.init(id: file.id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.head)
        _ = try await drafts.detach(.init(id: file.id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(try await drafts.attached(.init(unitId: EvidenceFixture.pkt, supports: "kpi:k-1/2026-Q3")).map(\.id) == [kept.id])
        #expect(try await fixture.read(file.id) == EvidenceFixture.png(seed: 1), "the bytes stay")
        #expect(try await fixture.logEntries(file.id) == entries, "the append-only log is untouched")
        let by = try await fixture.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT detached_by FROM files WHERE id = ?", arguments: [file.id])
        }
        #expect(by == "u-a-head", "the first to take it off is recorded")
        let unknown = await capture { _ = try await drafts.detach(.init(id: "ev-none", unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff) }
        #expect(unknown?.code == .notFound)
    }

    static func staffOf(_ unit: String) -> Caller { EvidenceFixture.caller("s-\(unit)", .staff, at: unit) }
}
