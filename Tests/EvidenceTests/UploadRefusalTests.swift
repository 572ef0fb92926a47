import EvidenceStorage
import Foundation
import GRDB
import NIOCore
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore

/// Bad files said plainly (issue 16 item 6): an empty file, a type the service does not take
/// and a file over the limit are refused with a Vietnamese message that names the file, the
/// limit and the accepted types, and the field `file`; nothing of them is stored.
@Suite struct UploadRefusalTests {
    /// Files recorded, and stored objects on disk (finished blobs, not uploads in progress).
    private func stored(_ fixture: EvidenceFixture) async throws -> (files: Int, blobs: Int) {
        let files = try await fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files") ?? 0 }
        return (files, try fixture.store.allHashes().count)
    }

    private func start(_ fixture: EvidenceFixture, fileName: String) async throws -> String {
        try await fixture.authority.uploads.start(.init(unitId: EvidenceFixture.pkt, fileName: fileName), caller: EvidenceFixture.staff).uploadId
    }

    @Test("An empty file: the message says it is empty, with the limit and the types; nothing is stored")
    func emptyFile() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let id = try await start(fixture, fileName: "Biên bản.pdf")
        let error = await capture {
            _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == "Tệp \"Biên bản.pdf\" rỗng (0 byte), không có gì để lưu. Chỉ nhận tệp PDF, JPEG, PNG, MP4 và tệp "
            + "Office/OpenDocument (DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT), mỗi tệp từ 1 byte đến 100 MiB.")
        #expect(error?.details?["field"] == "file")
        #expect(error?.message.contains("bulk") == false)
        #expect(try await stored(fixture) == (0, 0))
        #expect(fixture.authority.uploads.sessions.openCount == 0)
    }

    @Test("A program (.exe): the type is not recognised, the accepted types and the limit are named; nothing is stored")
    func unknownType() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let id = try await start(fixture, fileName: "setup.exe")
        try await fixture.chunk(id, Array("MZ\u{90}\u{0}".utf8) + [UInt8](repeating: 0, count: 500))
        let error = await capture {
            _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        }
        #expect(error?.code == .invalidArgument)
        let message = try #require(error?.message)
        #expect(message.hasPrefix("Không nhận ra loại của tệp \"setup.exe\""))
        #expect(message.hasSuffix("Chỉ nhận tệp PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument (DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT), "
            + "mỗi tệp từ 1 byte đến 100 MiB."))
        #expect(!message.contains("\"không xác định\""))
        #expect(error?.details?["field"] == "file")
        #expect(error?.details?["allowed"] == "pdf,jpeg,png,mp4,docx,xlsx,pptx,odt,ods,odp,doc,xls,ppt")
        #expect(try await stored(fixture) == (0, 0))
    }

    @Test("A known type not taken (ZIP) is named as such")
    func zipNamed() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let id = try await start(fixture, fileName: "hồ sơ.zip")
        try await fixture.chunk(id, [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 1, count: 200))
        let error = await capture {
            _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        }
        #expect(error?.message.hasPrefix("Tệp \"hồ sơ.zip\" là tệp ZIP, loại không được nhận, nên không được lưu. Chỉ nhận tệp PDF") == true)
        #expect(try await stored(fixture) == (0, 0))
    }

    @Test("Over the limit: refused at the chunk that passes it, naming the limit and the types; after the abort nothing is left")
    func overSize() async throws {
        let fixture = try EvidenceFixture(policy: UploadPolicy(maxBytes: 2 << 10))
        defer { fixture.remove() }
        let id = try await start(fixture, fileName: "ảnh lớn.png")
        let png = EvidenceFixture.png(size: 3000)
        try await fixture.chunk(id, Array(png[..<1500]))
        let error = await capture { try await fixture.chunk(id, Array(png[1500...]), at: 1500) }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message == "Tệp \"ảnh lớn.png\" lớn hơn giới hạn 2 KiB cho mỗi tệp nên không được lưu. Chỉ nhận tệp PDF, JPEG, PNG, MP4 "
            + "và tệp Office/OpenDocument (DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT), mỗi tệp từ 1 byte đến 2 KiB.")
        #expect(error?.details?["field"] == "file" && error?.details?["limit"] == "2048")
        try await fixture.authority.uploads.abort(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        #expect(try await stored(fixture) == (0, 0))
        let incoming = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.folder)/blobs")
            .flatMap { (try? FileManager.default.contentsOfDirectory(atPath: "\(fixture.folder)/blobs/\($0)")) ?? [] }
        #expect(!incoming.contains { $0.hasSuffix(".part") }, "no partial upload left on disk")
    }

    @Test("evidence.limits gives the rule the refusals end with: limit, types with their endings, the note limit")
    func limits() async throws {
        let fixture = try EvidenceFixture(policy: UploadPolicy(allowed: [.pdf, .jpeg, .png], maxBytes: 5 << 20))
        defer { fixture.remove() }
        let rules = fixture.authority.uploads.rules
        #expect(rules.maxBytes == 5 << 20 && rules.maxSizeText == "5 MiB")
        #expect(rules.types.map(\.name) == ["PDF", "JPEG", "PNG"])
        #expect(rules.types[1].extensions == [".jpg", ".jpeg"] && rules.types[1].mediaType == "image/jpeg")
        #expect(rules.summary == "Chỉ nhận tệp PDF, JPEG và PNG, mỗi tệp từ 1 byte đến 5 MiB.")
        #expect(rules.noteMaxCharacters == 4000)
        let id = try await start(fixture, fileName: "a.mp4")
        try await fixture.chunk(id, [0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [UInt8](repeating: 0, count: 100))
        let error = await capture {
            _ = try await fixture.authority.uploads.finish(.init(uploadId: id, unitId: EvidenceFixture.pkt), caller: EvidenceFixture.staff)
        }
        #expect(error?.message.hasSuffix(rules.summary) == true)
    }
}
