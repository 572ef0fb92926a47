import HTTPTypes
import NQ57Wire

/// The HTTP status of each wire error code: the same code and message travel in the body.
enum HTTPStatusMapping {
    static func status(of code: ErrorCode) -> HTTPResponse.Status {
        switch code {
        case .invalidArgument: .badRequest
        case .unauthenticated: .unauthorized
        case .permissionDenied: .forbidden
        case .notFound: .notFound
        case .alreadyExists, .failedPrecondition: .conflict
        case .resourceExhausted: .tooManyRequests
        case .deadlineExceeded: .gatewayTimeout
        case .unavailable: .serviceUnavailable
        case .internal: .internalServerError
        }
    }
}
