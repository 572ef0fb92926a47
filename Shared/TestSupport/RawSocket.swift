import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain blocking Unix-socket client for tests that must send bytes the real client never
/// would (bad lengths, cut frames, garbage). Independent of the NIO code under test.
public final class RawSocket {
    private let fd: Int32

    /// Connects to `path`; reads time out after `timeout` seconds.
    public init(path: String, timeout: Double = 5) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawSocketError("socket() failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawSocketError("connect(\(path)) failed: errno \(errno)")
        }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends bytes as they are.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawSocketError("send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Sends as much of `bytes` as the socket takes without blocking; returns how many it took
    /// (fewer than all when the peer stops reading and the buffers fill).
    public func sendWithoutBlocking(_ bytes: [UInt8]) throws -> Int {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
            guard sent > 0 else { throw RawSocketError("send failed: errno \(errno)") }
            offset += sent
        }
        return offset
    }

    /// Sends one frame: a 4-byte big-endian length, then `payload`.
    public func sendFrame(_ payload: [UInt8]) throws {
        try send(Self.lengthPrefix(payload.count) + payload)
    }

    /// Sends a UTF-8 JSON text as one frame.
    public func sendFrame(_ text: String) throws {
        try sendFrame(Array(text.utf8))
    }

    /// The 4-byte big-endian length prefix of `length`.
    public static func lengthPrefix(_ length: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt32(length).bigEndian) { Array($0) }
    }

    /// Reads one frame; nil if the peer closed the connection first.
    public func readFrame() throws -> [UInt8]? {
        guard let header = try readExactly(4) else { return nil }
        let length = Int(header.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        return try readExactly(length)
    }

    /// Reads one frame as a JSON object; nil if the peer closed first.
    public func readJSON() throws -> [String: Any]? {
        guard let frame = try readFrame() else { return nil }
        guard let object = try JSONSerialization.jsonObject(with: Data(frame)) as? [String: Any] else {
            throw RawSocketError("frame is not a JSON object: \(String(decoding: frame, as: UTF8.self))")
        }
        return object
    }

    /// Whether the peer has closed the connection (reads EOF within the timeout).
    public func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }

    private func readExactly(_ count: Int) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let received = buffer[offset...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received == 0 { return nil }
            if received < 0 {
                if errno == ECONNRESET { return nil }
                throw RawSocketError("recv failed or timed out: errno \(errno)")
            }
            offset += received
        }
        return buffer
    }
}

/// A failure of the raw test socket itself.
public struct RawSocketError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
