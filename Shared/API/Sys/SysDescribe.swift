/// `sys.describe`: the methods a service answers, with the shapes of their params and
/// results, generated from the same definitions the code uses (like varlink's interface
/// description).
public enum SysDescribe: APIMethod {
    public static let name = "sys.describe"
    public static let policy = AccessPolicy.open
    public static let summary = "The methods this service answers, with their params and results."

    /// Optionally one method only.
    public struct Params: Codable, Sendable, Equatable, ShapeDocumented {
        /// Describe only this method.
        public var method: String?
        /// At the gateway: ask this backend for its own description.
        public var service: ServiceName?
        /// Creates params.
        public init(method: String? = nil, service: ServiceName? = nil) {
            self.method = method
            self.service = service
        }
        public static var fieldDocs: [String: String] {
            ["method": "describe only this method", "service": "at the gateway: ask this backend for its own description"]
        }
    }

    public typealias Result = ServiceDescription
}

/// What a service offers.
public struct ServiceDescription: Codable, Sendable, Equatable, ShapeDocumented {
    /// The service.
    public var service: String
    /// The nq57 version.
    public var version: String
    /// Its methods, sorted by name.
    public var methods: [MethodDescription]

    /// Creates a description.
    public init(service: String, version: String = NQ57Version.current, methods: [MethodDescription]) {
        self.service = service
        self.version = version
        self.methods = methods
    }

    public static var fieldDocs: [String: String] {
        ["service": "service name", "version": "nq57 version", "methods": "methods, sorted by name"]
    }
}

/// One method, as `sys.describe` shows it.
public struct MethodDescription: Codable, Sendable, Equatable, ShapeDocumented {
    /// The wire name.
    public var name: String
    /// The service that owns it (`sys` for methods every service answers).
    public var service: String
    /// What it does.
    public var summary: String
    /// The params object.
    public var params: TypeShape
    /// The result.
    public var result: TypeShape
    /// Which direction carries raw bytes.
    public var bulk: BulkUse
    /// Who may call it, on which units.
    public var policy: AccessPolicy
    /// Whether it changes anything (and so is audited).
    public var writes: Bool

    /// Describes a method from its definition.
    public init<M: APIMethod>(_ method: M.Type) {
        self.name = M.name
        self.service = M.service
        self.summary = M.summary
        self.params = TypeShape.of(M.Params.self)
        self.result = TypeShape.of(M.Result.self)
        self.bulk = M.bulk
        self.policy = M.policy
        self.writes = M.writes
    }

    public static var fieldDocs: [String: String] {
        [
            "name": "wire name, service.verb",
            "service": "owning service (sys: every service)",
            "summary": "what the method does",
            "params": "shape of the params object",
            "result": "shape of the result",
            "bulk": "which direction carries raw bytes",
            "policy": "who may call it, on which units",
            "writes": "whether it changes anything (audited)",
        ]
    }
}
