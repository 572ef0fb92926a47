/// `sys.loopback`: sends raw bytes to a service and, if asked, gets them back, with their
/// SHA-256 as the service computed it. A diagnostic for the bulk path: it proves bytes
/// arrive whole (through the gateway too) and measures throughput.
public enum SysLoopback: APIMethod {
    public static let name = "sys.loopback"
    public static let policy = AccessPolicy(roles: [.admin], scope: .anywhere)
    public static let summary = "Receives raw bytes and returns their length and SHA-256, and the bytes themselves if echo is set."
    public static let bulk = BulkUse.both

    /// What to do with the bytes.
    public struct Params: Codable, Sendable, Equatable, ShapeDocumented {
        /// Send the bytes back in the reply.
        public var echo: Bool
        /// At the gateway: the backend to send them to (default: the gateway answers itself).
        public var service: ServiceName?
        /// Creates params.
        public init(echo: Bool, service: ServiceName? = nil) {
            self.echo = echo
            self.service = service
        }
        public static var fieldDocs: [String: String] {
            ["echo": "send the bytes back", "service": "at the gateway: the backend to send them to"]
        }
    }

    /// What arrived.
    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        /// How many bytes arrived.
        public var bytes: Int
        /// Their SHA-256, lowercase hex.
        public var sha256: String
        /// Which service answered.
        public var service: String
        /// Creates a result.
        public init(bytes: Int, sha256: String, service: String) {
            self.bytes = bytes
            self.sha256 = sha256
            self.service = service
        }
        public static var fieldDocs: [String: String] {
            ["bytes": "bytes received", "sha256": "their SHA-256 (hex)", "service": "the service that answered"]
        }
    }
}
