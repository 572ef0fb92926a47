import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NQ57Wire

/// The JSON bodies of the HTTP API: `{"result": …}` on success, `{"error": {code, message, details}}`
/// with the mapped status on failure.
enum WebResponses {
    static func result(_ raw: RawJSON) -> Response {
        var buffer = ByteBuffer(string: "{\"result\":")
        var body = raw.buffer
        buffer.writeBuffer(&body)
        buffer.writeString("}")
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: buffer))
    }

    static func result<T: Encodable>(_ value: T) -> Response {
        (try? RawJSON.encode(value)).map(result) ?? error(.internalFault)
    }

    /// A JSON document as it is (the `/auth/*` answers are the session itself, not a method's result).
    static func plain<T: Encodable>(_ value: T) -> Response {
        guard let data = try? JSONCoding.encoder().encode(value) else { return error(.internalFault) }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ error: RPCError, extra: [String: Bool] = [:]) -> Response {
        struct Body: Encodable {
            var error: RPCError
            var identityLogin: Bool?
        }
        let data = (try? JSONCoding.encoder().encode(Body(error: error, identityLogin: extra["identityLogin"]))) ?? Data("{}".utf8)
        return Response(status: HTTPStatusMapping.status(of: error.code),
                        headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An error for a person who followed a link (the VNeID return): a small page without script.
    static func page(_ status: HTTPResponse.Status, title: String, message: String) -> Response {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let html = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>\(escaped(title))</title>
            <link rel="stylesheet" href="/static/app.css"></head><body><main class="notice"><h1>\(escaped(title))</h1>
            <p>\(escaped(message))</p><p><a href="/">Quay lại trang đăng nhập</a></p></main></body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
