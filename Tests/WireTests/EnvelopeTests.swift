import NIOCore
import Testing
@testable import NQ57Wire

/// Envelopes: what is accepted, what is refused with which error, and that encoding and
/// decoding agree.
struct EnvelopeTests {
    private func decode(_ text: String) throws(EnvelopeDecodeError) -> (envelope: Envelope, bulkLength: Int?) {
        try EnvelopeDecoder.decode(ByteBuffer(string: text), maxBulk: 1024)
    }

    @Test("A request keeps params and caller as raw JSON, untouched")
    func request() throws {
        let text = #"{"v":1,"id":7,"method":"tasks.get","params":{"id":"t-1","xs":[1,2]},"caller":{"account":"a"},"deadline":1700000000000}"#
        guard case .request(let request) = try decode(text).envelope else {
            Issue.record("not a request")
            return
        }
        #expect(request.id.json == "7")
        #expect(request.method == "tasks.get")
        #expect(request.params.description == #"{"id":"t-1","xs":[1,2]}"#)
        #expect(request.caller?.description == #"{"account":"a"}"#)
        #expect(request.deadline == 1_700_000_000_000)
    }

    @Test("Encoding then decoding gives the same request, string ids and escapes included")
    func roundTrip() throws {
        let original = RequestEnvelope(id: MessageID(json: #""x-1""#), method: "sys.\"odd\"\n",
                                       params: try RawJSON(#"{"tên":"Nghị quyết 57"}"#), deadline: 5)
        var buffer = ByteBuffer()
        EnvelopeEncoder.write(original, into: &buffer)
        guard case .request(let decoded) = try EnvelopeDecoder.decode(buffer, maxBulk: 10).envelope else {
            Issue.record("not a request")
            return
        }
        #expect(decoded.id == original.id)
        #expect(decoded.method == original.method)
        #expect(decoded.params == original.params)
        #expect(decoded.deadline == 5)
    }

    @Test("Replies carry a result or an error from the closed set")
    func replies() throws {
        let error = RPCError(.permissionDenied, "Không có quyền.", details: ["unit": "25246"])
        var buffer = ByteBuffer()
        EnvelopeEncoder.write(ReplyEnvelope.failure(MessageID(3), error), into: &buffer)
        guard case .reply(let reply) = try EnvelopeDecoder.decode(buffer, maxBulk: 10).envelope else {
            Issue.record("not a reply")
            return
        }
        #expect(reply.id == MessageID(3))
        guard case .failure(let decoded) = reply.outcome else {
            Issue.record("the error was read as a result")
            return
        }
        #expect(decoded == error)
    }

    @Test("A bulk announcement is read with its length, and refused beyond the limit", arguments: [
        (#"{"v":1,"id":1,"method":"a.b","bulk":10}"#, 10),
        (#"{"v":1,"id":1,"result":{},"bulk":1024}"#, 1024),
    ])
    func bulkAnnouncement(text: String, length: Int) throws {
        #expect(try decode(text).bulkLength == length)
    }

    @Test("Envelope errors name the problem and keep the id when it was readable", arguments: [
        (#"{"v":1,"id":1,"method":"a.b","bulk":2000}"#, "bulk", "1"),
        (#"{"v":1,"id":1,"method":"a.b","bulk":0}"#, "bulk", "1"),
        (#"{"v":1,"id":2.5,"method":"a.b"}"#, "id", "null"),
        (#"{"v":1,"id":null,"method":"a.b"}"#, "id", "null"),
        (#"{"id":3,"method":"a.b"}"#, "v", "3"),
        (#"{"v":1,"id":4,"method":7}"#, "method", "4"),
        (#"{"v":1,"id":5,"method":""}"#, "method", "5"),
        (#"{"v":1,"id":6,"method":"a.b","deadline":"soon"}"#, "deadline", "6"),
        (#"{"v":1,"id":7,"method":"a.b","params":"x"}"#, "params", "7"),
    ])
    func refused(text: String, field: String, id: String) {
        do {
            _ = try decode(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.error.code == .invalidArgument)
            #expect(error.error.details?["field"] == field)
            #expect(error.id.json == id)
        }
    }

    @Test("Duplicate top-level keys are refused, so nobody can smuggle a second method")
    func duplicateKeys() {
        #expect(throws: EnvelopeDecodeError.self) { try decode(#"{"v":1,"id":1,"method":"a.b","method":"c.d"}"#) }
    }
}
