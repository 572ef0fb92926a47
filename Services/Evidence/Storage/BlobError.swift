#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a blob operation failed. ``description`` is English for logs; ``message`` is the
/// Vietnamese sentence for people, and never shows paths on the server.
public enum BlobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The uploaded bytes do not hash to the SHA-256 the client announced; nothing was stored.
    case hashMismatch(expected: String, actual: String)
    /// The stored bytes no longer hash to the object's name (given here).
    case corrupt(String)
    /// No object has this hash.
    case notFound(String)
    /// The string is not 64 lowercase hexadecimal digits, so it cannot name an object.
    case invalidHash(String)
    /// A read was asked for chunks of zero or fewer bytes, or more than the store allows.
    case invalidChunkSize(Int)
    /// The upload with this id was already finished or abandoned.
    case uploadClosed(String)
    /// A system call failed: which one, on which path, and its `errno`.
    case io(operation: String, path: String, code: Int32)
    /// The object store could not be reached or refused the call (outage, timeout, wrong
    /// credentials): says nothing about the bytes, which are never marked damaged for it.
    case unavailable(String)

    /// What happened, in English, for logs.
    public var description: String {
        switch self {
        case let .hashMismatch(expected, actual):
            "uploaded bytes hash to \(actual), not the expected \(Self.shortened(expected))"
        case let .corrupt(sha256):
            "object \(sha256) is corrupt: its bytes no longer match its hash"
        case let .notFound(sha256):
            "object \(sha256) not found"
        case let .invalidHash(text):
            "not a lowercase hexadecimal SHA-256: \"\(Self.shortened(text))\""
        case let .invalidChunkSize(size):
            "invalid read chunk size \(size)"
        case let .uploadClosed(id):
            "upload \(id) is already finished or abandoned"
        case let .io(operation, path, code):
            "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
        case let .unavailable(reason):
            "object store unavailable: \(reason)"
        }
    }

    /// What happened, in Vietnamese, for the person who uploaded or asked for the file.
    public var message: String {
        switch self {
        case .hashMismatch:
            "Mã SHA-256 của tệp nhận được khác với mã đã khai báo; tệp chưa được lưu, hãy tải lên lại."
        case .corrupt:
            "Tệp minh chứng đã bị thay đổi trên máy chủ lưu trữ nên không được gửi; hãy báo quản trị hệ thống."
        case .notFound:
            "Không tìm thấy tệp minh chứng."
        case .invalidHash:
            "Mã tệp không hợp lệ: cần đúng 64 chữ số thập lục phân viết thường."
        case .invalidChunkSize:
            "Kích thước khối đọc không hợp lệ."
        case .uploadClosed:
            "Phiên tải lên đã kết thúc."
        case .unavailable:
            "Kho lưu trữ minh chứng tạm thời không truy cập được; hãy thử lại sau hoặc báo quản trị hệ thống."
        case .io:
            "Lỗi đọc ghi trên máy chủ lưu trữ; hãy thử lại sau hoặc báo quản trị hệ thống."
        }
    }

    /// `text` cut to 80 characters, so that a hostile string cannot flood a log line.
    private static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }
}
