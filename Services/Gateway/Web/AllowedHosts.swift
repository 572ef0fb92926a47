import NIOConcurrencyHelpers

/// The `Host` values the HTTP side answers to: its own address once it listens (and, on a
/// loopback address, `localhost` and `127.0.0.1` with the same port), plus the names the data
/// centre publishes it under (`NQ57_HTTP_HOSTS`, comma-separated, e.g. `nq57.dongnai.gov.vn`).
/// Anything else is refused, so a page of another site whose name was pointed at this machine
/// (DNS rebinding) cannot talk to it.
final class AllowedHosts: Sendable {
    private let configured: Set<String>
    private let listening = NIOLockedValueBox(Set<String>())

    /// Allows `configured` (case-insensitive) and, once known, the listening address.
    init(configured: [String]) {
        self.configured = Set(configured.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    /// Records the address the server listens on.
    func listening(host: String, port: Int) {
        var names: Set<String> = ["\(host.lowercased()):\(port)"]
        if ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) {
            names.formUnion(["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"])
        }
        listening.withLockedValue { $0.formUnion(names) }
    }

    /// Whether a request with this `Host` (authority) is answered.
    func allows(_ authority: String?) -> Bool {
        guard let authority = authority?.lowercased(), !authority.isEmpty else { return false }
        if configured.contains(authority) { return true }
        // A configured name without a port stands for that name on any port (behind a proxy).
        if let colon = authority.lastIndex(of: ":"), configured.contains(String(authority[..<colon])) { return true }
        return listening.withLockedValue { $0.contains(authority) }
    }
}
