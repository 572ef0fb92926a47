import Foundation
import NQ57Crypto
@testable import EvidenceStorage

import Testing

/// Resident memory figures of this process, from /proc/self/status (Linux).
private enum ResidentMemory {
    /// `VmHWM` (peak resident set) or `VmRSS` (current), in bytes.
    static func read(_ field: String) -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Int64(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Resets the peak to the current resident set (Linux 4.0 and later). Returns whether it
    /// could; without it the peak still measures growth, only less precisely.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }
}

@Suite("Local blob store: memory")
struct LocalBlobStoreMemoryTests {
    static let total = 200 << 20
    static let chunk = 1 << 20

    @Test(
        "A 200 MiB upload in 1 MiB chunks and its read-back keep the peak resident set within 50 MiB",
        .enabled(if: ResidentMemory.read("VmHWM") != nil, "needs /proc/self/status (Linux)")
    )
    func memoryStaysFlat() throws {
        let temporary = try TemporaryStore()
        // One 1 MiB buffer, changed before every append: the 200 MiB never exist in memory.
        var buffer = pseudoRandomBytes(count: Self.chunk)
        var expected = SHA256Hasher()

        ResidentMemory.resetPeak()
        let before = max(ResidentMemory.read("VmHWM") ?? 0, ResidentMemory.read("VmRSS") ?? 0)

        let upload = try temporary.store.beginUpload()
        for index in 0..<(Self.total / Self.chunk) {
            buffer.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(index).littleEndian, as: UInt64.self) }
            try buffer.withUnsafeBytes { chunk in
                expected.update(chunk)
                try upload.append(chunk)
            }
        }
        let stored = try upload.finish(expectedSHA256: nil)

        var readHasher = SHA256Hasher()
        let outcome = try temporary.store.read(stored.sha256, chunkSize: Self.chunk) { readHasher.update($0) }
        let after = ResidentMemory.read("VmHWM") ?? 0
        let expectedHash = expected.finalize().hexString
        let readHash = readHasher.finalize().hexString

        #expect(stored.size == Int64(Self.total))
        #expect(stored.sha256 == expectedHash)
        #expect(outcome.byteCount == Int64(Self.total))
        #expect(readHash == stored.sha256)
        let growth = after - before
        #expect(growth < 50 << 20, "peak resident set grew by \(growth >> 20) MiB")
    }
}
