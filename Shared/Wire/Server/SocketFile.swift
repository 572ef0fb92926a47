import Foundation

/// Getting a socket path ready to bind: its directory exists, and a socket file left by a
/// process that died is removed, but one that a live server answers on is not touched.
public enum SocketFile {
    /// Prepares `path` for `bind`; throws if another server is listening there.
    public static func prepare(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.fileExists(atPath: path) else { return }
        if isListening(path: path) {
            throw SocketInUse(path: path)
        }
        try FileManager.default.removeItem(atPath: path)
    }

    /// Whether something accepts connections on the socket at `path`.
    public static func isListening(path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }
}

/// Another live server owns the socket path.
public struct SocketInUse: Error, CustomStringConvertible {
    /// The socket path.
    public var path: String
    public var description: String { "another server is already listening on \(path)" }
}
