import Foundation

/// Sends W3C WebDriver commands to one chromedriver over HTTP and unwraps `{"value": …}` replies.
struct WireClient: Sendable {
    /// The port chromedriver listens on at 127.0.0.1.
    let port: Int
    /// How long one command may take (connect, send, each read), in seconds.
    var requestTimeout: Double = 120

    /// Sends `method /path` with an optional JSON body and returns the reply's `value`.
    /// A POST without a body sends `{}`. Throws `WebDriverError.protocolError` for W3C errors,
    /// transport failures (status 0) and unreadable replies.
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        let json: Data? = try body.map { try JSONEncoder().encode($0) } ?? (method == "POST" ? Data("{}".utf8) : nil)
        let response: LocalHTTP.Response
        do {
            response = try await LocalHTTP.request(
                port: port, method: method, path: "/" + path, json: json, timeout: requestTimeout)
        } catch let error as LocalHTTP.TransportError {
            throw WebDriverError.protocolError(
                status: 0, error: "transport error", message: "\(method) /\(path): \(error.description)")
        }
        guard let reply = try? JSONDecoder().decode(JSONValue.self, from: response.body),
              let value = reply["value"]
        else {
            throw WebDriverError.protocolError(
                status: response.status, error: "unreadable reply",
                message: String(decoding: response.body.prefix(500), as: UTF8.self))
        }
        guard (200..<300).contains(response.status) else {
            throw WebDriverError.protocolError(
                status: response.status,
                error: value["error"]?.stringValue ?? "unknown error",
                message: value["message"]?.stringValue ?? "")
        }
        return value
    }
}

extension WebDriverError {
    /// The W3C error code if this is a protocol error, e.g. "no such element".
    var w3cCode: String? {
        if case .protocolError(_, let error, _) = self { return error }
        return nil
    }
}
