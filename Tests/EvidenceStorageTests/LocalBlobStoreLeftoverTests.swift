import Foundation
@testable import EvidenceStorage

import Testing

@Suite("Local blob store: leftovers")
struct LocalBlobStoreLeftoverTests {
    /// The sweeper's clock, a day that is not today.
    static let now = Date(timeIntervalSince1970: 1_763_604_000)

    @Test("Leftover .part files of a crashed process are removed at start; other files stay")
    func crashLeftoversRemoved() throws {
        let temporary = try TemporaryStore()
        let incoming = temporary.root + "/incoming/"
        for name in ["a1.part", "b2.part", "c3.part"] {
            try Data(pseudoRandomBytes(count: 100)).write(to: URL(fileURLWithPath: incoming + name))
        }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: incoming + "notes.txt"))
        #expect(temporary.store.removeLeftovers(olderThan: 0, now: Self.now) == 3)
        #expect(temporary.files(under: "incoming") == ["incoming/notes.txt"])
        #expect(temporary.store.removeLeftovers(olderThan: 0, now: Self.now) == 0)
    }

    @Test("Only leftovers unchanged for longer than the delay by the sweeper's clock are removed, whatever their modification time")
    func delayRespected() throws {
        let temporary = try TemporaryStore()
        let old = temporary.root + "/incoming/old.part"
        let growing = temporary.root + "/incoming/growing.part"
        try Data([1]).write(to: URL(fileURLWithPath: old))
        try Data([2]).write(to: URL(fileURLWithPath: growing))
        // Modification times say nothing: one from long ago, one from the future.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: old)
        try FileManager.default.setAttributes([.modificationDate: Date.distantFuture], ofItemAtPath: growing)
        #expect(temporary.store.removeLeftovers(olderThan: 3600, now: Self.now) == 0, "first seen now")
        try Data([2, 3]).write(to: URL(fileURLWithPath: growing))  // still being written by someone
        #expect(temporary.store.removeLeftovers(olderThan: 3600, now: Self.now + 3000) == 0)
        #expect(temporary.store.removeLeftovers(olderThan: 3600, now: Self.now + 3600) == 1)
        #expect(temporary.files(under: "incoming") == ["incoming/growing.part"], "its hour counts from when it last grew")
        #expect(temporary.store.removeLeftovers(olderThan: 3600, now: Self.now + 6600) == 1)
        #expect(temporary.files(under: "incoming").isEmpty)
    }

    @Test("An upload in progress survives cleanup, even with a delay of zero, and still finishes")
    func activeUploadKept() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 3000)
        let upload = try temporary.store.beginUpload()
        try bytes.withUnsafeBytes { try upload.append($0) }
        #expect(temporary.files(under: "incoming") == ["incoming/\(upload.id).part"])
        #expect(temporary.store.removeLeftovers(olderThan: 0, now: Self.now) == 0)
        let stored = try upload.finish(expectedSHA256: oneShotSHA256(bytes))
        #expect(try temporary.store.verify(stored.sha256) == .intact)
    }

    @Test("An abandoned upload leaves nothing, and a second abandon does nothing")
    func abandonedUpload() throws {
        let temporary = try TemporaryStore()
        let upload = try temporary.store.beginUpload()
        try pseudoRandomBytes(count: 3000).withUnsafeBytes { try upload.append($0) }
        upload.abandon()
        upload.abandon()
        #expect(temporary.files(under: "incoming").isEmpty)
        #expect(temporary.store.removeLeftovers(olderThan: 0, now: Self.now) == 0)
        #expect(temporary.files(under: "objects").isEmpty)
        #expect(throws: BlobError.uploadClosed(upload.id)) { try upload.finish(expectedSHA256: nil) }
    }

    @Test("An upload dropped without finish or abandon (a lost connection) leaves nothing")
    func droppedUpload() throws {
        let temporary = try TemporaryStore()
        do {
            let upload = try temporary.store.beginUpload()
            try pseudoRandomBytes(count: 3000).withUnsafeBytes { try upload.append($0) }
            #expect(temporary.files(under: "incoming").count == 1)
        }
        #expect(temporary.store.removeLeftovers(olderThan: 0, now: Self.now) == 0)
        #expect(temporary.files(under: "incoming").isEmpty)
        #expect(temporary.files(under: "objects").isEmpty)
    }
}
