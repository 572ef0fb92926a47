import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client for tests of the gateway's HTTP side: cookies and headers are set by
/// hand, so a test says exactly what a browser (or an attacker's page) would send.
public struct HTTPTestClient: Sendable {
    /// `http://HOST:PORT`.
    public let base: String
    /// Whether redirects are followed (off to see each step of a login flow).
    public let followRedirects: Bool

    public init(base: String, followRedirects: Bool = true) {
        self.base = base
        self.followRedirects = followRedirects
    }

    /// A response, with its body as text and JSON.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The `error.code` of an error body, if any.
        public var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
        /// The `error.details.field` of an error body, if any.
        public var errorField: String? { ((json?["error"] as? [String: Any])?["details"] as? [String: Any])?["field"] as? String }
        /// The body parsed as a JSON object.
        public var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        /// A header, by lower-case name.
        public func header(_ name: String) -> String? { headers[name.lowercased()] }
        /// The value of a cookie this response sets.
        /// (Several `Set-Cookie` headers arrive joined by ", ".)
        public func setCookie(_ name: String) -> String? {
            guard let line = header("set-cookie") else { return nil }
            let pieces = line.components(separatedBy: ", ")
            guard let piece = pieces.first(where: { $0.hasPrefix("\(name)=") }) else { return nil }
            return String(piece.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
    }

    private static func configuration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return configuration
    }

    private static let session = URLSession(configuration: configuration())
    private static let stayingSession = URLSession(configuration: configuration(), delegate: NoRedirects(), delegateQueue: nil)

    /// Answers every redirect with "do not follow", so the 3xx itself is the reply.
    private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    /// Sends a request; `headers` are sent as given (Cookie, X-CSRF-Token, Origin …).
    public func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: path.hasPrefix("http") ? path : base + path)!, timeoutInterval: 30)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await (followRedirects ? Self.session : Self.stayingSession).data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// `POST path` with a JSON body.
    public func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("POST", path, body: Data(json.utf8), headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old })
    }

    /// Logs in at `/auth/login`; returns the headers a browser would then send (its cookie) and the CSRF token.
    public func login(_ username: String, password: String) async throws -> (cookie: [String: String], csrf: String) {
        let reply = try await post("/auth/login", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        guard reply.status == 200, let cookie = reply.setCookie("nq57_session"),
              let csrf = reply.json?["csrfToken"] as? String else {
            throw RawSocketError("login of \(username) failed: \(reply.status) \(reply.text)")
        }
        return (["Cookie": "nq57_session=\(cookie)"], csrf)
    }
}
