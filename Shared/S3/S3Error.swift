/// Why an object store call failed, sorted by what the caller should do about it.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store could not be reached or answered that it cannot serve now (connection refused
    /// or timed out, 5xx): try again later; says nothing about the data.
    case unavailable(String)
    /// No object has this key (404).
    case notFound(String)
    /// A write with `If-None-Match: *` found the key already taken (412 or 409).
    case alreadyExists(String)
    /// The store refused the credentials or the bucket policy forbids the call (401, 403).
    case denied(code: String, message: String)
    /// Any other refusal (4xx): the S3 error code and message.
    case rejected(status: Int, code: String, message: String)
    /// The answer could not be understood (missing header, unreadable XML, short body).
    case invalidResponse(String)

    /// The case's name (`unavailable`, `notFound`, …), for logs and metrics.
    public var kind: String {
        switch self {
        case .unavailable: "unavailable"
        case .notFound: "notFound"
        case .alreadyExists: "alreadyExists"
        case .denied: "denied"
        case .rejected: "rejected"
        case .invalidResponse: "invalidResponse"
        }
    }

    /// English, for logs; never holds credentials.
    public var description: String {
        switch self {
        case let .unavailable(reason): "object store unavailable: \(reason)"
        case let .notFound(key): "object \(key) not found"
        case let .alreadyExists(key): "object \(key) already exists"
        case let .denied(code, message): "object store denied access: \(code) \(message)"
        case let .rejected(status, code, message): "object store rejected the call (\(status) \(code)): \(message)"
        case let .invalidResponse(reason): "object store answered unexpectedly: \(reason)"
        }
    }
}
