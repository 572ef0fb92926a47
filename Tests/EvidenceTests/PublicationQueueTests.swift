import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore

/// Issue 15 item 3, requests to publish: in the reviewer's one queue, with who may decide them
/// (the unit's head or a reviewer above, never the one who asked).
@Suite struct PublicationQueueTests {
    let pkt = EvidenceFixture.pkt

    func queue(_ fixture: EvidenceFixture, unit: String, as caller: Caller) async throws -> [ReviewQueueItem] {
        try await fixture.authority.publicationQueue.list(ReviewQueueParams(unitId: unit), caller: caller).items
    }

    @Test("the commune's reviewer and the department's head may decide a staff member's request; the one who asked may not")
    func whoDecides() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png())
        _ = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.staff)
        fixture.clock.advance(by: 2 * 86_400)
        let reviewer = try #require(try await queue(fixture, unit: "vn-75-25246", as: EvidenceFixture.reviewer).first)
        #expect(reviewer.kind == .publication && reviewer.itemId == file.id && reviewer.unitId == pkt && reviewer.title == "anh.png")
        #expect(reviewer.submittedOn == "2025-11-20" && reviewer.waitingDays == 2 && reviewer.canDecide)
        #expect(try await queue(fixture, unit: pkt, as: EvidenceFixture.head).first?.canDecide == true)
        let asker = try #require(try await queue(fixture, unit: pkt, as: EvidenceFixture.staff).first)
        #expect(!asker.canDecide && asker.whyNot == "Chỉ Người đứng đầu hoặc Cơ quan thẩm định mới được chấp nhận đề nghị công khai minh chứng.")
        _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .accept), caller: EvidenceFixture.head)
        #expect(try await queue(fixture, unit: "vn-75-25246", as: EvidenceFixture.reviewer).isEmpty)
    }

    @Test("a head who asked is told it is their own request")
    func ownRequest() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png())
        _ = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.headAndReviewer)
        let item = try #require(try await queue(fixture, unit: "vn-75-25246", as: EvidenceFixture.headAndReviewer).first)
        #expect(!item.canDecide && item.whyNot?.contains("do chính mình soạn hoặc gửi") == true)
    }
}
