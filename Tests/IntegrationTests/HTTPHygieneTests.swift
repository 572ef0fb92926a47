import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// Issue 13 item 5: the HTTP side answers only to its own names (DNS rebinding) and closes
/// connections that say nothing.
@Suite(.serialized)
struct HTTPHygieneTests {
    /// A plain TCP connection to 127.0.0.1:`port`, reads timing out after `timeout` seconds.
    final class TCP {
        let fd: Int32

        init(port: Int, timeout: Int = 15) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var interval = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// What arrives until the peer closes or the read times out; `closed` says which.
        func readAll() -> (text: String, closed: Bool) {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 { received += buffer[..<count]; continue }
                return (String(decoding: received, as: UTF8.self), count == 0)
            }
        }
    }

    @Test("A request naming another host is refused with 421; the configured public name and the listening address are served")
    func hostIsChecked() async throws {
        let system = try await TestSystem(environment: ["NQ57_HTTP_HOSTS": "nq57.dongnai.gov.vn", "NQ57_HTTP_IDLE_SECONDS": "1"])
        defer { Task { _ = await system.stop() } }
        let address = try await system.httpAddress()
        let port = try #require(Int(address.split(separator: ":").last ?? ""))
        for (host, expected) in [("attacker.example", "421"), ("attacker.example:\(port)", "421"), ("nq57.dongnai.gov.vn", "200"),
                                 ("127.0.0.1:\(port)", "200"), ("localhost:\(port)", "200"), ("", "421")] {
            let connection = try TCP(port: port)
            connection.send("GET /static/app.js HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            let reply = connection.readAll().text
            #expect(reply.hasPrefix("HTTP/1.1 \(expected)"), "Host: \(host) → \(reply.prefix(40))")
        }
    }

    @Test("A connection that sends nothing is closed after the idle timeout; one that sent a request and went quiet too")
    func idleConnectionsAreClosed() async throws {
        let system = try await TestSystem(environment: ["NQ57_HTTP_IDLE_SECONDS": "1"])
        defer { Task { _ = await system.stop() } }
        let port = try #require(Int(try await system.httpAddress().split(separator: ":").last ?? ""))
        let silent = try TCP(port: port)
        #expect(silent.readAll().closed, "the server closed the silent connection before the 15 s read timeout")
        let quiet = try TCP(port: port)
        quiet.send("GET /static/app.js HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        let (text, closed) = quiet.readAll()
        #expect(text.hasPrefix("HTTP/1.1 200") && closed)
    }
}
