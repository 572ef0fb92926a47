import GatewayWebParsing
import HummingbirdCore
import NIOCore
import NQ57API
import NQ57Wire

/// libFuzzer entry point over the HTTP API's request parsing (`WebRequestParsing`). An input is
/// three parts split at the first two newlines: the request target (`/api/METHOD?QUERY`), the
/// `Authorization` header's value, and the body. Whatever the parsing accepts must become an RPC
/// request that the wire carries unchanged; whatever it refuses must be an `RPCError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    let parts: [Slice<UnsafeRawBufferPointer>] = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 2,
                                                             omittingEmptySubsequences: false)
    let target = String(decoding: parts[0], as: UTF8.self)
    let authorization = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : nil
    let body = parts.count > 2 ? ByteBuffer(bytes: parts[2]) : ByteBuffer()

    let uri = URI(target)
    var method = SysHealth.name
    if uri.path.hasPrefix("/api/"), let known = try? WebRequestParsing.method(String(uri.path.dropFirst(5))) {
        require(APICatalog.policy(of: known) != nil, "an unknown method passed")
        method = known
    }
    let token = WebRequestParsing.bearerToken(authorization)
    if let token { require(authorization == "Bearer " + token, "the bearer token is not the header's rest") }
    if let params = try? WebRequestParsing.params(body) {
        carry(RequestEnvelope(id: MessageID(1), method: method, params: params, token: token))
    }
    if let start = try? WebRequestParsing.uploadStart(uri) {
        guard let params = try? RawJSON.encode(start) else { fatalError("upload params do not encode") }
        guard let back = try? params.decode(EvidenceUploadStart.Params.self) else { fatalError("upload params do not decode") }
        let same: Bool = back.unitId == start.unitId && back.fileName == start.fileName && back.supports == start.supports
        require(same, "upload params changed through JSON")
        carry(RequestEnvelope(id: MessageID(1), method: EvidenceUploadStart.name, params: params, token: token))
    }
    return 0
}

/// Sends `request` through the encoder and decoder as the gateway's socket would; params that are
/// not an object are the one refusal allowed (the backend answers it with `invalid_argument`).
func carry(_ request: RequestEnvelope) {
    var frame = ByteBuffer()
    EnvelopeEncoder.write(request, into: &frame)
    do {
        guard case .request(let got) = try EnvelopeDecoder.decode(frame, maxBulk: 1 << 16).envelope else {
            fatalError("a request decoded as a reply")
        }
        // The decoder's params are the value itself: a body's surrounding whitespace is not carried.
        require(got.method == request.method && got.params.buffer == trimmed(request.params.buffer) && got.token == request.token,
                "the request changed on the wire")
    } catch {
        require(request.params.kind != .object && error.error.details?["field"] == "params",
                "an accepted HTTP request is refused on the wire: \(error.error.message)")
    }
}

/// `buffer` without JSON whitespace (space, tab, CR, LF) at either end.
func trimmed(_ buffer: ByteBuffer) -> ByteBuffer {
    let bytes = buffer.readableBytesView
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
        return ByteBuffer()
    }
    return ByteBuffer(bytes: bytes[first...last])
}

/// Stops the run with a message libFuzzer records as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
