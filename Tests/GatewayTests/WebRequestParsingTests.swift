import GatewayWebParsing
import HummingbirdCore
import NIOCore
import NQ57API
import NQ57Wire
import Testing

/// The HTTP API's request parsing, taken out of the handlers so the fuzzer drives it: the
/// refusals a person sees and the params a call carries, as the handlers produced them before.
struct WebRequestParsingTests {
    @Test func aKnownMethodPassesAndAnUnknownOneIsRefusedByName() throws {
        #expect(try WebRequestParsing.method("tasks.get") == "tasks.get")
        #expect(throws: RPCError.unknownMethod("tasks.steal")) { try WebRequestParsing.method("tasks.steal") }
    }

    @Test func onlyABearerHeaderGivesAToken() {
        #expect(WebRequestParsing.bearerToken("Bearer abc.def") == "abc.def")
        #expect(WebRequestParsing.bearerToken("Bearer ") == "")
        #expect(WebRequestParsing.bearerToken("bearer abc") == nil)
        #expect(WebRequestParsing.bearerToken("Basic dXNlcg==") == nil)
        #expect(WebRequestParsing.bearerToken(nil) == nil)
    }

    @Test func anEmptyBodyIsAnEmptyObjectAndABrokenOneIsRefused() throws {
        #expect(try WebRequestParsing.params(ByteBuffer()).buffer == RawJSON.emptyObject.buffer)
        #expect(try WebRequestParsing.params(ByteBuffer(string: " {\"id\": \"T-1\"} ")).kind == .object)
        let error = #expect(throws: RPCError.self) { try WebRequestParsing.params(ByteBuffer(string: "{\"id\": ")) }
        #expect(error?.code == .invalidArgument)
    }

    /// Found by the fuzzer (corpus `body-trailing-whitespace.txt`): a body with whitespace around its
    /// value is valid JSON; the call carries the value, and the wire gives it back without the whitespace.
    @Test func aBodyWithWhitespaceAroundItsValueCrossesTheWireAsTheValue() throws {
        let params = try WebRequestParsing.params(ByteBuffer(string: "\n { }\n"))
        var frame = ByteBuffer()
        EnvelopeEncoder.write(RequestEnvelope(id: MessageID(1), method: "sys.health", params: params), into: &frame)
        guard case .request(let request) = try EnvelopeDecoder.decode(frame, maxBulk: 1024).envelope else {
            Issue.record("a request decoded as a reply")
            return
        }
        #expect(String(buffer: request.params.buffer) == "{ }")
    }

    @Test func theUploadQueryIsPercentDecodedIntoTheStartParams() throws {
        let start = try WebRequestParsing.uploadStart(
            URI("/api/evidence/upload?unitId=xa-an-binh&fileName=B%C3%A1o%20c%C3%A1o.pdf&supports=task:T-12"))
        #expect(start.unitId == "xa-an-binh")
        #expect(start.fileName == "Báo cáo.pdf")
        #expect(start.supports == "task:T-12")
        #expect(try WebRequestParsing.uploadStart(URI("/api/evidence/upload?unitId=u&fileName=a")).supports == nil)
    }

    @Test func anUploadWithoutUnitOrFileNameIsRefusedNamingTheField() {
        for target in ["/api/evidence/upload?fileName=a.pdf", "/api/evidence/upload?unitId=u", "/api/evidence/upload"] {
            let error = #expect(throws: RPCError.self) { try WebRequestParsing.uploadStart(URI(target)) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.details?["field"] == "unitId")
        }
    }
}
