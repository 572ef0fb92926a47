/// `sys.metrics`: operations metrics (requests, errors, latency per method) in Prometheus
/// text format. At the gateway: its own and every backend's, merged into one document.
public enum SysMetrics: APIMethod {
    public static let name = "sys.metrics"
    public static let policy = AccessPolicy.open
    public static let summary = "Requests, errors and latency per method in Prometheus text format; at the gateway, of every service."

    public struct Params: Codable, Sendable, Equatable, ShapeDocumented {
        /// The backend to ask, at the gateway; nil asks every service.
        public var service: ServiceName?
        /// Creates params.
        public init(service: ServiceName? = nil) { self.service = service }
        public static var fieldDocs: [String: String] { ["service": "at the gateway: only this backend"] }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        /// The Prometheus text exposition (format 0.0.4).
        public var text: String
        /// Services that did not answer (their series are missing from `text`).
        public var missing: [String]
        /// Creates a result.
        public init(text: String, missing: [String] = []) {
            self.text = text
            self.missing = missing
        }
        public static var fieldDocs: [String: String] {
            ["text": "Prometheus text format 0.0.4", "missing": "services that did not answer"]
        }
    }
}
