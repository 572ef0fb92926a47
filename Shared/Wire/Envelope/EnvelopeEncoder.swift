import NIOCore

/// Writes envelopes as JSON frame payloads. Raw members (`params`, `result`, `caller`) are
/// copied as they are, so forwarding costs a copy, not a parse.
public enum EnvelopeEncoder {
    /// Writes a request; `bulk` is announced by length and written by the caller as the next frame.
    public static func write(_ request: RequestEnvelope, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"v\":1,\"id\":")
        buffer.writeString(request.id.json)
        buffer.writeStaticString(",\"method\":")
        writeJSONString(request.method, into: &buffer)
        buffer.writeStaticString(",\"params\":")
        buffer.writeImmutableBuffer(request.params.buffer)
        if let caller = request.caller {
            buffer.writeStaticString(",\"caller\":")
            buffer.writeImmutableBuffer(caller.buffer)
        }
        if let deadline = request.deadline {
            buffer.writeStaticString(",\"deadline\":")
            buffer.writeString(String(deadline))
        }
        if let token = request.token {
            buffer.writeStaticString(",\"token\":")
            writeJSONString(token, into: &buffer)
        }
        writeBulk(request.bulk, into: &buffer)
        buffer.writeStaticString("}")
    }

    /// Writes a reply.
    public static func write(_ reply: ReplyEnvelope, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"v\":1,\"id\":")
        buffer.writeString(reply.id.json)
        switch reply.outcome {
        case .success(let result):
            buffer.writeStaticString(",\"result\":")
            buffer.writeImmutableBuffer(result.buffer)
        case .failure(let error):
            buffer.writeStaticString(",\"error\":")
            if let encoded = try? RawJSON.encode(error) {
                buffer.writeImmutableBuffer(encoded.buffer)
            } else {
                buffer.writeStaticString("{\"code\":\"internal\",\"message\":\"Lỗi nội bộ.\"}")
            }
        }
        writeBulk(reply.bulk, into: &buffer)
        buffer.writeStaticString("}")
    }

    private static func writeBulk(_ bulk: ByteBuffer?, into buffer: inout ByteBuffer) {
        guard let bulk else { return }
        buffer.writeStaticString(",\"bulk\":")
        buffer.writeString(String(bulk.readableBytes))
    }

    /// Writes `text` as a JSON string literal, escaping quotes, backslashes and control characters.
    public static func writeJSONString(_ text: String, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(hex[Int(byte >> 4)])
                buffer.writeInteger(hex[Int(byte & 0xF)])
            default: buffer.writeInteger(byte)
            }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
