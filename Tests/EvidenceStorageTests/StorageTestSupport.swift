import Foundation
import NQ57Crypto
@testable import EvidenceStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store in a fresh temporary folder, removed (read-only objects included) when the test
/// is done.
final class TemporaryStore {
    /// The store's root folder.
    let root: String
    /// The store.
    let store: LocalBlobStore

    init() throws {
        root = NSTemporaryDirectory() + "evidence-storage-tests-" + UUID().uuidString
        store = try LocalBlobStore(root: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Paths (relative to the root) of every regular file under `folder`, sorted.
    func files(under folder: String) -> [String] {
        let base = root + "/" + folder
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(folder + "/" + relative)
            }
        }
        return found.sorted()
    }

    /// Uploads `bytes` in chunks of `chunkSize`.
    func upload(_ bytes: [UInt8], chunkSize: Int = 1000, expected: String? = nil) throws -> StoredBlob {
        let upload = try store.beginUpload()
        try bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + chunkSize, all.count)
                try upload.append(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
            }
        }
        return try upload.finish(expectedSHA256: expected)
    }

    /// Reads object `sha256` back into memory in chunks of `chunkSize`, also returning the
    /// size of each chunk.
    func readBack(_ sha256: String, chunkSize: Int = 777) throws -> (bytes: [UInt8], chunks: [Int], outcome: ReadOutcome) {
        var bytes: [UInt8] = []
        var chunks: [Int] = []
        let outcome = try store.read(sha256, chunkSize: chunkSize) { chunk in
            bytes.append(contentsOf: chunk)
            chunks.append(chunk.count)
        }
        return (bytes, chunks, outcome)
    }
}

/// The SHA-256 of `bytes` in one call, in lowercase hexadecimal.
func oneShotSHA256(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString
}

/// `count` reproducible pseudo-random bytes (xorshift64).
func pseudoRandomBytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed
    var bytes = [UInt8](repeating: 0, count: count)
    for index in bytes.indices {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        bytes[index] = UInt8(truncatingIfNeeded: state)
    }
    return bytes
}

/// The permission bits of the file at `path`.
func permissions(of path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}

/// Makes the file at `path` writable and flips every bit of its byte at `offset`, in place.
func flipByte(at offset: Int, in path: String) throws {
    guard chmod(path, 0o644) == 0 else { throw POSIXFailure(operation: "chmod") }
    let descriptor = open(path, O_RDWR)
    guard descriptor >= 0 else { throw POSIXFailure(operation: "open") }
    defer { close(descriptor) }
    var byte: UInt8 = 0
    guard pread(descriptor, &byte, 1, off_t(offset)) == 1 else { throw POSIXFailure(operation: "pread") }
    byte ^= 0xFF
    guard pwrite(descriptor, &byte, 1, off_t(offset)) == 1 else { throw POSIXFailure(operation: "pwrite") }
}

/// A system call a test made failed.
struct POSIXFailure: Error, CustomStringConvertible {
    let operation: String
    let code = errno
    var description: String { "\(operation): errno \(code)" }
}
