import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore

/// Issue 12 item 7: publishing evidence is the head's or a reviewer's decision, through the
/// shared review workflow, recorded in the evidence log, and it can be withdrawn.
@Suite struct PublicationTests {
    let pkt = EvidenceFixture.pkt

    func readPublic(_ fixture: EvidenceFixture, _ id: String) async throws -> [UInt8] {
        let answer = try await fixture.authority.reading.readPublic(.init(id: id, offset: 0, length: 1 << 20))
        return answer.bulk.map { Array($0.readableBytesView) } ?? []
    }

    @Test("Request, accept, read by anyone, withdraw, no longer public; each move a leaf of the log")
    func fullCycle() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png()
        let file = try await fixture.upload(bytes)
        #expect(file.publication == nil && !file.isPublic)
        #expect(await errorCode { _ = try await readPublic(fixture, file.id) } == .notFound)

        let asked = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.staff)
        #expect(asked.publication?.state == .submitted)
        #expect(asked.publication?.submittedBy == "a-staff")
        #expect(asked.publication?.submittedOn == "2025-11-20")
        #expect(!asked.isPublic)
        #expect(await errorCode { _ = try await readPublic(fixture, file.id) } == .notFound, "not public before the decision")

        fixture.clock.advance(by: 86_400)
        let accepted = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .accept),
                                                                      caller: EvidenceFixture.head)
        #expect(accepted.isPublic)
        #expect(accepted.publication?.decidedBy == "a-head")
        #expect(accepted.publication?.decidedOn == "2025-11-21")
        #expect(try await readPublic(fixture, file.id) == bytes)

        let withdrawn = try await fixture.authority.publishing.withdrawPublication(.init(id: file.id, unitId: "vn-75-25246", reason: "Có thông tin cá nhân"),
                                                                        caller: EvidenceFixture.reviewer)
        #expect(withdrawn.publication?.state == .withdrawn)
        #expect(withdrawn.publication?.reason == "Có thông tin cá nhân")
        #expect(!withdrawn.isPublic)
        #expect(await errorCode { _ = try await readPublic(fixture, file.id) } == .notFound, "a withdrawn file is not public")

        let entries = try await fixture.logEntries(file.id)
        #expect(entries.count == 4)
        #expect(entries[1].contains(#""move":"submit""#) && entries[1].contains(#""by":"a-staff""#))
        #expect(entries[2].contains(#""move":"accept""#) && entries[2].contains(#""state":"accepted""#))
        #expect(entries[3].contains(#""move":"withdraw""#) && entries[3].contains(#""by":"a-rev""#))

        // It may be asked for again, and decided again.
        _ = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.staff)
        _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: "vn-75-25246", decision: .accept), caller: EvidenceFixture.reviewer)
        #expect(try await readPublic(fixture, file.id) == bytes)
    }

    @Test("Staff cannot publish, decide or withdraw: permission_denied with the workflow's message and details")
    func staffCannotPublish() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png(), requestPublication: true)
        #expect(file.publication?.state == .submitted, "asking on upload is a request, not a publication")
        #expect(!file.isPublic)
        let refusal = await capture {
            _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .accept), caller: EvidenceFixture.otherStaff)
        }
        #expect(refusal?.code == .permissionDenied)
        #expect(refusal?.details == ["from": "submitted", "move": "accept", "rule": "notPermitted"])
        #expect(refusal?.message.contains("Người đứng đầu hoặc Cơ quan thẩm định") == true)
        #expect(await errorCode { _ = try await readPublic(fixture, file.id) } == .notFound)

        _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .accept), caller: EvidenceFixture.head)
        #expect(await errorCode {
            _ = try await fixture.authority.publishing.withdrawPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.staff)
        } == .permissionDenied)
        #expect(try await fixture.info(file.id).isPublic)
    }

    @Test("The account that asked never decides, whatever roles it holds")
    func requesterCannotDecide() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png())
        let both = EvidenceFixture.headAndReviewer
        _ = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: "vn-75-25246"), caller: both)
        for decision in [ReviewDecision.accept, .sendBack] {
            let refusal = await capture {
                _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: "vn-75-25246", decision: decision, reason: "Chưa đủ"),
                                                                  caller: both)
            }
            #expect(refusal?.code == .permissionDenied)
            #expect(refusal?.message.contains("chính mình") == true)
        }
        #expect(try await fixture.info(file.id).publication?.state == .submitted)
    }

    @Test("Sending back needs a reason; moves from the wrong state are failed_precondition; others' files are not found")
    func refusals() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png())
        #expect(await errorCode {
            _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .accept), caller: EvidenceFixture.head)
        } == .failedPrecondition, "nothing was asked")
        _ = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.staff)
        let blank = await capture {
            _ = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .sendBack, reason: "  "),
                                                              caller: EvidenceFixture.head)
        }
        #expect(blank?.code == .invalidArgument)
        #expect(blank?.details?["field"] == "reason")
        let back = try await fixture.authority.publishing.decidePublication(.init(id: file.id, unitId: pkt, decision: .sendBack, reason: "Ảnh mờ"),
                                                                 caller: EvidenceFixture.head)
        #expect(back.publication?.state == .sentBack)
        #expect(back.publication?.reason == "Ảnh mờ")
        #expect(await errorCode {
            _ = try await fixture.authority.publishing.withdrawPublication(.init(id: file.id, unitId: pkt), caller: EvidenceFixture.head)
        } == .failedPrecondition, "only an accepted publication is withdrawn")
        #expect(await errorCode {
            _ = try await fixture.authority.publishing.requestPublication(.init(id: file.id, unitId: "vn-75-25246-vpdu"), caller: EvidenceFixture.staff)
        } == .notFound, "a file of another unit")
    }
}
