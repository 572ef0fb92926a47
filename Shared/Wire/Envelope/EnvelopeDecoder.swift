import NIOCore

/// Reads one JSON frame into an `Envelope`, checking everything the wire promises:
/// valid UTF-8 JSON, an object, version 1, an id, and either a method or a result/error.
/// `params`, `caller` and `result` are validated but not decoded.
public enum EnvelopeDecoder {
    /// Decodes a frame; `maxBulk` bounds an announced raw frame.
    public static func decode(_ frame: ByteBuffer, maxBulk: Int) throws(EnvelopeDecodeError) -> (envelope: Envelope, bulkLength: Int?) {
        var fields = Fields()
        do {
            try frame.withUnsafeReadableBytes { bytes throws(JSONScanError) in
                for member in try JSONScanner.scanObject(bytes) {
                    let value = UnsafeRawBufferPointer(rebasing: bytes[member.value])
                    try fields.take(member.key, value: value, range: member.value, frame: frame)
                }
            }
        } catch {
            let reason = error.reason == .notAnObject
                ? "Thông điệp phải là một đối tượng JSON (phong bì yêu cầu)."
                : "Thông điệp không phải JSON UTF-8 hợp lệ: \(error.description)."
            throw EnvelopeDecodeError(error: RPCError(.invalidArgument, reason), id: .null, bulkLength: nil)
        }
        return try fields.envelope(maxBulk: maxBulk)
    }
}

/// The top-level members of an envelope as the scanner finds them.
private struct Fields {
    var version: Int64?
    var versionIsValid = true
    var id: MessageID?
    var idIsValid = true
    var method: String?
    var methodIsValid = true
    var params: RawJSON?
    var caller: RawJSON?
    var deadline: Int64?
    var deadlineIsValid = true
    var token: String?
    var tokenIsValid = true
    var result: RawJSON?
    var errorJSON: RawJSON?
    var bulk: Int64?
    var bulkIsValid = true

    mutating func take(_ key: String, value: UnsafeRawBufferPointer, range: Range<Int>, frame: ByteBuffer) throws(JSONScanError) {
        func slice() -> RawJSON {
            RawJSON(validated: frame.getSlice(at: frame.readerIndex + range.lowerBound, length: range.count)!)
        }
        let kind = JSONScanner.kind(of: value)
        switch key {
        case "v":
            version = JSONScanner.parseInt64(value)
            versionIsValid = version != nil
        case "id":
            switch kind {
            case .string: id = MessageID(json: String(decoding: value, as: UTF8.self))
            case .number where JSONScanner.parseInt64(value) != nil: id = MessageID(json: String(decoding: value, as: UTF8.self))
            default: idIsValid = false
            }
        case "method":
            if kind == .string { method = try JSONScanner.decodeString(value) } else { methodIsValid = false }
        case "params": params = slice()
        case "caller": caller = kind == .null ? nil : slice()
        case "deadline":
            if kind == .null { break }
            deadline = JSONScanner.parseInt64(value)
            deadlineIsValid = deadline != nil
        case "token":
            if kind == .string { token = try JSONScanner.decodeString(value) } else if kind != .null { tokenIsValid = false }
        case "result": result = slice()
        case "error": errorJSON = slice()
        case "bulk":
            bulk = JSONScanner.parseInt64(value)
            bulkIsValid = bulk != nil
        default:
            break  // unknown members are ignored, so newer peers can add fields
        }
    }

    func envelope(maxBulk: Int) throws(EnvelopeDecodeError) -> (envelope: Envelope, bulkLength: Int?) {
        let replyID = id ?? .null
        let bulkLength = bulk.flatMap { $0 > 0 && $0 <= Int64(maxBulk) ? Int($0) : nil }
        func fail(_ message: String, _ details: [String: String]? = nil) -> EnvelopeDecodeError {
            EnvelopeDecodeError(error: RPCError(.invalidArgument, message, details: details), id: replyID, bulkLength: bulkLength)
        }
        guard versionIsValid, let version else {
            throw fail("Thiếu phiên bản giao thức \"v\" (số nguyên, hiện là \(wireVersion)).", ["field": "v"])
        }
        guard version == Int64(wireVersion) else {
            throw fail("Phiên bản giao thức \(version) không được hỗ trợ; hãy dùng \"v\":\(wireVersion).", ["field": "v"])
        }
        guard idIsValid, let id else {
            throw fail("Thiếu mã yêu cầu \"id\" (số nguyên hoặc chuỗi).", ["field": "id"])
        }
        guard bulkIsValid, bulk == nil || bulkLength != nil else {
            throw fail("Trường \"bulk\" phải là số byte từ 1 đến \(maxBulk).", ["field": "bulk", "limit": String(maxBulk)])
        }
        guard tokenIsValid else {
            throw fail("Trường \"token\" phải là chuỗi mã truy cập.", ["field": "token"])
        }
        guard deadlineIsValid else {
            throw fail("Trường \"deadline\" phải là số nguyên (mili giây kể từ 01/01/1970 UTC).", ["field": "deadline"])
        }
        if method != nil || !methodIsValid {
            guard methodIsValid, let method, !method.isEmpty else {
                throw fail("Trường \"method\" phải là chuỗi tên phương thức, ví dụ \"tasks.get\".", ["field": "method"])
            }
            if let params, params.kind != .object {
                throw fail("Trường \"params\" phải là một đối tượng JSON.", ["field": "params"])
            }
            return (.request(RequestEnvelope(id: id, method: method, params: params ?? .emptyObject,
                                             caller: caller, deadline: deadline, token: token)), bulkLength)
        }
        if let result {
            return (.reply(ReplyEnvelope(id: id, outcome: .success(result))), bulkLength)
        }
        if let errorJSON {
            let error = (try? errorJSON.decode(RPCError.self))
                ?? RPCError(.internal, "Phản hồi lỗi không đọc được từ dịch vụ.")
            return (.reply(ReplyEnvelope(id: id, outcome: .failure(error))), bulkLength)
        }
        throw fail("Thông điệp không có \"method\" (yêu cầu) hay \"result\"/\"error\" (phản hồi).")
    }
}
