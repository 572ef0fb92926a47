/// Where the data centre's mail relay is: `smtp://host:port` (`NQ57_SMTP_URL`).
public struct SMTPRelay: Sendable, Equatable {
    /// The relay's host name or address.
    public var host: String
    /// Its port (25 or 587 at a data centre).
    public var port: Int

    /// Creates a relay address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `smtp://host:port` (port 25 when left out; `[::1]` for an IPv6 address), or nil when `text` is not one.
    public init?(url text: String) {
        guard text.hasPrefix("smtp://") else { return nil }
        var rest = Substring(text.dropFirst("smtp://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty, !host.contains(where: { $0 == "/" || $0 == "@" || $0 == " " }) else { return nil }
        let port = portText.map { Int($0) } ?? 25
        guard let port, (1...65535).contains(port) else { return nil }
        self.init(host: String(host), port: port)
    }
}
