/// An error as it travels in a reply: a code from the closed set, a message a person can act
/// on (Vietnamese, for the people who read it), and optional details for programs.
public struct RPCError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; callers branch on this.
    public var code: ErrorCode
    /// A sentence a person can act on, in Vietnamese.
    public var message: String
    /// Machine-readable particulars (for example `field`, `limit`, `method`).
    public var details: [String: String]?

    /// Creates an error with a code, a message and optional details.
    public init(_ code: ErrorCode, _ message: String, details: [String: String]? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String { "\(code.rawValue): \(message)" }
}

extension RPCError {
    /// The backend or service cannot be reached.
    public static func unavailable(_ what: String) -> RPCError {
        RPCError(.unavailable, "Dịch vụ \(what) hiện không sẵn sàng; hãy thử lại sau.", details: ["service": what])
    }

    /// The call ran out of time.
    public static func deadlineExceeded(_ method: String) -> RPCError {
        RPCError(.deadlineExceeded, "Yêu cầu \(method) đã quá thời hạn xử lý.", details: ["method": method])
    }

    /// No such method.
    public static func unknownMethod(_ method: String) -> RPCError {
        RPCError(.notFound, "Không có phương thức \"\(method)\".", details: ["method": method])
    }

    /// A fault on our side; never leaks internals.
    public static let internalFault = RPCError(.internal, "Lỗi nội bộ của hệ thống; sự cố đã được ghi lại.")
}
