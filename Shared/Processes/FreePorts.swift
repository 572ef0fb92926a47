import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TCP ports on 127.0.0.1 that nothing listens on right now, for servers that tests start.
public enum FreePorts {
    /// Whether a TCP listener could bind 127.0.0.1:`port` now.
    public static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0
    }

    /// `count` distinct ports in 20000–29999 that are free, each with port + 10000 free as well
    /// (where gRPC servers beside an HTTP one listen by default).
    public static func pairs(_ count: Int) -> [Int] {
        var chosen: [Int] = []
        while chosen.count < count {
            let port = Int.random(in: 20000...29999)
            if !chosen.contains(port), isFree(port), isFree(port + 10000) { chosen.append(port) }
        }
        return chosen
    }
}
