/// The parts of an HTTP request that AWS Signature Version 4 signs, before encoding.
public struct SigV4Request: Sendable {
    /// `GET`, `PUT`, …
    public var method: String
    /// The path as the object store names it, not yet percent-encoded (`/bucket/key`); each
    /// segment is encoded once, for the wire and the signature alike (S3 does not normalise).
    public var path: String
    /// Query parameters, not yet percent-encoded, in any order; a parameter without a value
    /// (`?uploads`) has the value "".
    public var query: [(name: String, value: String)]
    /// Headers to sign and send, `host` included; names in any case.
    public var headers: [(name: String, value: String)]
    /// The lowercase hex SHA-256 of the body (`x-amz-content-sha256` when that header is sent).
    public var payloadHash: String

    /// A request to sign.
    public init(method: String, path: String, query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)], payloadHash: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }

    /// The path percent-encoded segment by segment: what goes on the request line.
    public var encodedPath: String {
        let encoded = SigV4Encoding.encode(path, keepSlash: true)
        return encoded.isEmpty ? "/" : encoded
    }

    /// The query percent-encoded and sorted by name, then value: what goes after `?` on the
    /// request line, and in the canonical request.
    public var encodedQuery: String {
        query.map { (SigV4Encoding.encode($0.name, keepSlash: false), SigV4Encoding.encode($0.value, keepSlash: false)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }
}
