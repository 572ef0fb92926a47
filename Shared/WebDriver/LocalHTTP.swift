import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client for 127.0.0.1, on BSD sockets.
///
/// Why not URLSession: on Linux, FoundationNetworking's libcurl backend rejects chromedriver's
/// replies ("Failed writing header"), because chromedriver writes headers without a space after
/// the colon (`Content-Length:249`); see swift-corelibs-foundation issue #4965. This client
/// sends one request per connection (`Connection: close`) and reads the body by Content-Length
/// (or to end of stream). The blocking socket work runs on a Dispatch queue, off the
/// cooperative thread pool.
enum LocalHTTP {
    /// One HTTP reply.
    struct Response: Sendable {
        /// The status code, e.g. 200.
        var status: Int
        /// The body bytes.
        var body: Data
    }

    /// Failures below HTTP (connecting, sending, reading, parsing).
    struct TransportError: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    /// Sends `method path` to 127.0.0.1:`port` with an optional JSON body; `timeout` bounds
    /// connecting, each send and each read, in seconds.
    static func request(
        port: Int, method: String, path: String, json body: Data?, timeout: Double
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try sendBlocking(port: port, method: method, path: path, json: body, timeout: timeout)
                })
            }
        }
    }

    private static func sendBlocking(
        port: Int, method: String, path: String, json body: Data?, timeout: Double
    ) throws -> Response {
        let fd = try connectLocal(port: port, timeout: timeout)
        defer { close(fd) }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        head += "Accept: application/json\r\nConnection: close\r\n"
        if let body {
            head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        var request = Data(head.utf8)
        if let body { request.append(body) }
        try writeAll(fd, request)
        return try readResponse(fd)
    }

    /// Opens a TCP connection to 127.0.0.1:`port` with send/receive timeouts set.
    private static func connectLocal(port: Int, timeout: Double) throws -> Int32 {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw TransportError(description: "socket() failed: errno \(errno)") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw TransportError(description: "connect to 127.0.0.1:\(port) failed: errno \(code)")
        }
        return fd
    }

    private static func writeAll(_ fd: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < buffer.count {
                let count = send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw TransportError(description: "send failed: errno \(errno)") }
                sent += count
            }
        }
    }

    /// Reads a status line, headers (tolerating `Name:value`), and a Content-Length body.
    private static func readResponse(_ fd: Int32) throws -> Response {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var headerEnd: Range<Data.Index>?
        var status = 0
        var contentLength: Int?

        while true {
            if headerEnd == nil, let end = received.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                (status, contentLength) = try parseHead(received[..<end.lowerBound])
            }
            if let end = headerEnd, let length = contentLength, received.count - end.upperBound >= length {
                return Response(status: status, body: received[end.upperBound ..< end.upperBound + length])
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                throw TransportError(description: "receive failed (errno \(errno); timed out?)")
            }
            if count == 0 {
                guard let end = headerEnd else {
                    throw TransportError(description: "connection closed before the reply's headers")
                }
                if let length = contentLength {
                    throw TransportError(description: "connection closed after \(received.count - end.upperBound) of \(length) body bytes")
                }
                return Response(status: status, body: Data(received[end.upperBound...]))
            }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    /// Parses "HTTP/1.1 200 OK" and finds Content-Length among the header lines.
    private static func parseHead(_ head: Data) throws -> (status: Int, contentLength: Int?) {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/"), let status = Int(statusParts[1]) else {
            throw TransportError(description: "bad status line: \(lines[0])")
        }
        var contentLength: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                contentLength = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        return (status, contentLength)
    }
}
