@testable import EvidenceStorage

import Testing

@Suite("Upload policy")
struct UploadPolicyTests {
    @Test("The default policy accepts the evidence types and refuses ZIP and unknown files")
    func defaultTypes() throws {
        let policy = UploadPolicy()
        for type in [MediaType.pdf, .jpeg, .png, .mp4, .docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt] {
            try policy.check(mediaType: type)
        }
        #expect(throws: UploadPolicyError.typeNotAllowed(.zip, allowed: UploadPolicy.defaultAllowed)) {
            try policy.check(mediaType: .zip)
        }
        #expect(throws: UploadPolicyError.self) { try policy.check(mediaType: .unknown) }
    }

    @Test("Refused types are named in Vietnamese")
    func typeMessage() {
        let policy = UploadPolicy()
        do {
            try policy.check(mediaType: .zip)
            Issue.record("a ZIP was accepted")
        } catch {
            #expect(error.message == "Loại tệp \"ZIP\" không được chấp nhận; chỉ nhận PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument.")
            #expect(error.description == error.message)
        }
        let narrow = UploadPolicy(allowed: [.png, .pdf])
        #expect(throws: UploadPolicyError.typeNotAllowed(.unknown, allowed: [.pdf, .png])) {
            try narrow.check(mediaType: .unknown)
        }
        #expect(UploadPolicyError.typeNotAllowed(.unknown, allowed: [.pdf, .png]).message
            == "Loại tệp \"không xác định\" không được chấp nhận; chỉ nhận PDF và PNG.")
        #expect(UploadPolicyError.typeNotAllowed(.mp4, allowed: [.pdf, .jpeg, .docx]).message
            == "Loại tệp \"MP4\" không được chấp nhận; chỉ nhận PDF, JPEG và DOCX.")
    }

    @Test("Sizes up to the limit pass; above it, refused with the limit in the message")
    func sizeLimit() throws {
        let policy = UploadPolicy()
        #expect(policy.maxBytes == 100 * 1024 * 1024)
        try policy.check(size: 0)
        try policy.check(size: 100 << 20)
        #expect(throws: UploadPolicyError.tooLarge(size: (100 << 20) + 1, limit: 100 << 20)) {
            try policy.check(size: (100 << 20) + 1)
        }
        #expect(UploadPolicyError.tooLarge(size: 200 << 20, limit: 100 << 20).message == "Tệp vượt quá giới hạn 100 MiB.")
        #expect(UploadPolicyError.tooLarge(size: 1, limit: 512 << 10).message == "Tệp vượt quá giới hạn 512 KiB.")
        #expect(UploadPolicyError.tooLarge(size: 1, limit: 2 << 30).message == "Tệp vượt quá giới hạn 2 GiB.")
        #expect(UploadPolicyError.tooLarge(size: 1, limit: 1000).message == "Tệp vượt quá giới hạn 1000 byte.")
        let small = UploadPolicy(maxBytes: 10 << 20)
        #expect(throws: UploadPolicyError.tooLarge(size: 11 << 20, limit: 10 << 20)) { try small.check(size: 11 << 20) }
    }
}
