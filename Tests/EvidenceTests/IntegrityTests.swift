import EvidenceStorage
import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import EvidenceCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 item 3: a failure to read is not damage. Only bytes read to the end that hash
/// wrong mark a file damaged; a scrub that finds them intact again restores it; the evidence
/// log records both.
@Suite struct IntegrityTests {
    @Test("An I/O error on read (no descriptors left) answers unavailable and marks nothing, on both read paths")
    func ioErrorMarksNothing() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png()
        let file = try await fixture.upload(bytes)

        // First read: the whole file (no block digests yet).
        fixture.store.failReads(with: .io(operation: "open", path: "objects/…", code: EMFILE))
        #expect(await errorCode { _ = try await fixture.read(file.id) } == .unavailable)
        #expect(try await fixture.info(file.id).status == .ok)

        // A read that succeeds keeps the block digests; the next read checks blocks only.
        fixture.store.failReads(with: nil)
        #expect(try await fixture.read(file.id) == bytes)
        fixture.store.failReads(with: .io(operation: "read", path: "objects/…", code: EIO))
        #expect(await errorCode { _ = try await fixture.read(file.id) } == .unavailable)
        #expect(try await fixture.info(file.id).status == .ok)

        fixture.store.failReads(with: nil)
        #expect(try await fixture.read(file.id) == bytes, "the file is served again once the disk reads")
        #expect(try await fixture.logEntries(file.id).count == 1, "only the stored entry: nothing about damage")
    }

    @Test("A missing object on read marks nothing (the scrub decides), and the scrub marks it missing")
    func missingObjectIsLeftToTheScrub() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png())
        try fixture.removeObject(file.sha256)
        #expect(await errorCode { _ = try await fixture.read(file.id) } == .unavailable)
        #expect(try await fixture.info(file.id).status == .ok)
        let scrub = try await fixture.authority.integrity.scrub(sharePercent: nil)
        #expect(scrub.missing == [file.id])
        #expect(try await fixture.info(file.id).status == .missing)
    }

    @Test("Bytes changed on disk mark the file corrupt; a scrub after the bytes are restored restores it; the log has both")
    func damageAndRestore() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png()
        let file = try await fixture.upload(bytes)
        var changed = bytes
        changed[100] ^= 0xFF
        try fixture.overwriteObject(file.sha256, with: changed)

        #expect(await errorCode { _ = try await fixture.read(file.id) } == .internal)
        #expect(try await fixture.info(file.id).status == .corrupt)
        #expect(await errorCode { _ = try await fixture.read(file.id) } == .failedPrecondition, "refused while damaged")
        let afterRead = try await fixture.logEntries(file.id)
        #expect(afterRead.count == 2)
        #expect(afterRead.last?.contains(#""foundBy":"read""#) == true)
        #expect(afterRead.last?.contains(#""status":"corrupt""#) == true)

        // A scrub that finds the same damage again adds nothing to the log.
        let again = try await fixture.authority.integrity.scrub(sharePercent: nil)
        #expect(again.corrupt == [file.id])
        #expect(try await fixture.logEntries(file.id).count == 2)

        try fixture.overwriteObject(file.sha256, with: bytes)
        let scrub = try await fixture.authority.integrity.scrub(sharePercent: nil)
        #expect(scrub.restored == [file.id])
        #expect(scrub.corrupt.isEmpty)
        #expect(try await fixture.info(file.id).status == .ok)
        #expect(try await fixture.read(file.id) == bytes)
        let entries = try await fixture.logEntries(file.id)
        #expect(entries.count == 3)
        #expect(entries.last?.contains(#""foundBy":"scrub""#) == true)
        #expect(entries.last?.contains(#""status":"ok""#) == true)
    }

    @Test("A block that hashes wrong on a ranged read marks the file only once the whole file hashes wrong")
    func rangedReadDamage() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let bytes = EvidenceFixture.png()
        let file = try await fixture.upload(bytes)
        #expect(try await fixture.read(file.id) == bytes)  // block digests kept
        var changed = bytes
        changed[10] ^= 0x01
        try fixture.overwriteObject(file.sha256, with: changed)
        #expect(await errorCode { _ = try await fixture.read(file.id) } == .internal)
        #expect(try await fixture.info(file.id).status == .corrupt)
    }

    @Test("A scrub that cannot read an object reports it unreadable and marks nothing")
    func scrubWithIOError() async throws {
        let fixture = try EvidenceFixture()
        defer { fixture.remove() }
        let file = try await fixture.upload(EvidenceFixture.png())
        fixture.store.failReads(with: .io(operation: "open", path: "objects/…", code: EMFILE))
        let scrub = try await fixture.authority.integrity.scrub(sharePercent: nil)
        #expect(scrub.unreadable == [file.id])
        #expect(scrub.corrupt.isEmpty && scrub.missing.isEmpty)
        #expect(try await fixture.info(file.id).status == .ok)
        #expect(try await fixture.logEntries(file.id).count == 1)
    }
}
