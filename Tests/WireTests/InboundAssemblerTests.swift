import NIOCore
import Testing
@testable import NQ57Wire

/// Pairing messages with the raw frames they announce.
struct InboundAssemblerTests {
    @Test("A message announcing bulk waits for its raw frame and is delivered with it")
    func pairsBulk() {
        var assembler = InboundAssembler(maxFrameBytes: 100)
        guard case .wait = assembler.receive(ByteBuffer(string: #"{"v":1,"id":1,"method":"x.y","bulk":4}"#)) else {
            Issue.record("should wait for the raw frame")
            return
        }
        guard case .deliver(.request(let request)) = assembler.receive(ByteBuffer(bytes: [0, 1, 2, 0x7B])) else {
            Issue.record("should deliver the request")
            return
        }
        #expect(request.bulk == ByteBuffer(bytes: [0, 1, 2, 0x7B]))
        guard case .deliver(.request(let next)) = assembler.receive(ByteBuffer(string: #"{"v":1,"id":2,"method":"x.y"}"#)) else {
            Issue.record("the next frame is a message again")
            return
        }
        #expect(next.bulk == nil)
    }

    @Test("A raw frame of the wrong length closes the connection")
    func wrongLength() {
        var assembler = InboundAssembler(maxFrameBytes: 100)
        _ = assembler.receive(ByteBuffer(string: #"{"v":1,"id":1,"method":"x.y","bulk":4}"#))
        guard case .close(let error) = assembler.receive(ByteBuffer(bytes: [1, 2])) else {
            Issue.record("should close")
            return
        }
        #expect(error.code == .invalidArgument)
    }

    @Test("The raw frame of a refused message is skipped, keeping the stream in step")
    func skipsRefusedBulk() {
        var assembler = InboundAssembler(maxFrameBytes: 100)
        guard case .reject(let problem) = assembler.receive(ByteBuffer(string: #"{"v":9,"id":1,"method":"x.y","bulk":3}"#)) else {
            Issue.record("should reject the version")
            return
        }
        #expect(problem.id.json == "1")
        guard case .wait = assembler.receive(ByteBuffer(string: #"{"v":1,"id":5,"method":"x.y"}"#.prefix(3).description)) else {
            Issue.record("the raw frame (3 bytes) should be skipped")
            return
        }
        guard case .deliver(.request(let request)) = assembler.receive(ByteBuffer(string: #"{"v":1,"id":5,"method":"x.y"}"#)) else {
            Issue.record("should deliver the next request")
            return
        }
        #expect(request.id.json == "5")
    }
}
