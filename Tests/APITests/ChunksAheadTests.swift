import NIOCore
import NQ57API
import Synchronization
import Testing

/// A stored file the reader asks for: answers at most `cap` bytes per call, a little later,
/// and records the offsets asked for and how many calls were under way at once.
final class ChunkedFile: Sendable {
    let bytes: [UInt8]
    let cap: Int
    /// An offset whose answer comes back this many bytes short (a service that changed shape).
    let shortAt: Int64?
    private let state = Mutex((asked: [Int64](), underWay: 0, mostUnderWay: 0))

    init(size: Int, cap: Int, shortAt: Int64? = nil) {
        bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        self.cap = cap
        self.shortAt = shortAt
    }

    var asked: [Int64] { state.withLock { $0.asked } }
    var mostUnderWay: Int { state.withLock { $0.mostUnderWay } }

    func read(_ offset: Int64) async throws -> ByteBuffer? {
        state.withLock {
            $0.asked.append(offset)
            $0.underWay += 1
            $0.mostUnderWay = max($0.mostUnderWay, $0.underWay)
        }
        defer { state.withLock { $0.underWay -= 1 } }
        try await Task.sleep(for: .milliseconds(2))
        let start = Int(offset)
        var end = min(bytes.count, start + cap)
        if offset == shortAt { end -= 1 }
        return ByteBuffer(bytes: bytes[start..<end])
    }
}

@Suite("Reading a file chunk by chunk with calls ahead")
struct ChunksAheadTests {
    @Test("Two calls ahead: the chunks come in order and whole, each asked for once, never more than two under way", arguments: [1, 2, 3])
    func inOrder(ahead: Int) async throws {
        let file = ChunkedFile(size: 10 * 1000 + 17, cap: 1000)
        var received: [UInt8] = []
        try await ChunksAhead.each(size: Int64(file.bytes.count), ahead: ahead, read: file.read) { received += Array($0.readableBytesView) }
        #expect(received == file.bytes)
        #expect(file.asked.sorted() == stride(from: 0, to: 10_017, by: 1000).map { Int64($0) })
        #expect(file.mostUnderWay <= ahead)
        #expect(ahead == 1 || file.mostUnderWay > 1, "calls overlapped")
    }

    @Test("The first answer's length fixes the chunks: a service that answers less than asked is followed, not skipped")
    func firstAnswerSetsTheChunk() async throws {
        let file = ChunkedFile(size: 2500, cap: 300)
        var received: [UInt8] = []
        try await ChunksAhead.each(size: 2500, ahead: 2, read: file.read) { received += Array($0.readableBytesView) }
        #expect(received == file.bytes)
        #expect(file.asked.sorted() == stride(from: 0, to: 2500, by: 300).map { Int64($0) })
    }

    @Test("A chunk in the middle shorter than the first stops the read with an error; nothing after it is handed on")
    func unevenChunk() async throws {
        let file = ChunkedFile(size: 5000, cap: 1000, shortAt: 2000)
        var received = 0
        await #expect(throws: ChunksAhead.UnevenChunk(offset: 2000, expected: 1000, got: 999)) {
            try await ChunksAhead.each(size: 5000, ahead: 2, read: file.read) { received += $0.readableBytes }
        }
        #expect(received == 2000)
    }

    @Test("An empty file asks for nothing")
    func emptyFile() async throws {
        let file = ChunkedFile(size: 0, cap: 1000)
        try await ChunksAhead.each(size: 0, ahead: 2, read: file.read) { _ in Issue.record("no chunk expected") }
        #expect(file.asked.isEmpty)
    }
}
