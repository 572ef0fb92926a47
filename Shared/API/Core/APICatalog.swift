/// Every method of every backend service, by service: what the gateway routes and what
/// `sys.describe` at the gateway shows, built from each service's `ServiceAPI` list.
public enum APICatalog {
    /// The methods every service answers.
    public static let system: [any APIMethod.Type] = [SysHealth.self, SysDescribe.self, SysLoopback.self, SysMetrics.self]

    /// The `sys.*` methods only the gateway answers.
    public static let gateway: [any APIMethod.Type] = [SysVocabulary.self]

    /// The methods each backend owns: its `ServiceAPI` list.
    public static func methods(of service: ServiceName) -> [any APIMethod.Type] {
        api(of: service).methods
    }

    /// The one method list of `service`.
    public static func api(of service: ServiceName) -> any ServiceAPI.Type {
        switch service {
        case .auth: AuthAPI.self
        case .tasks: TasksAPI.self
        case .evidence: EvidenceAPI.self
        case .metrics: MetricsAPI.self
        }
    }

    /// Whether `name` is a method that `service` owns.
    public static func contains(_ name: String, in service: ServiceName) -> Bool {
        names[service]?.contains(name) ?? false
    }

    /// The policy of method `name` (any service's, or a `sys.*` one); nil if there is no such method.
    public static func policy(of name: String) -> AccessPolicy? { policies[name] }

    /// Whether method `name` changes anything.
    public static func writes(_ name: String) -> Bool { writers.contains(name) }

    private static let everything: [any APIMethod.Type] = system + gateway + ServiceName.allCases.flatMap { methods(of: $0) }
    private static let policies: [String: AccessPolicy] = Dictionary(uniqueKeysWithValues: everything.map { ($0.name, $0.policy) })
    private static let writers: Set<String> = Set(everything.filter { $0.writes }.map { $0.name })

    private static let names: [ServiceName: Set<String>] = Dictionary(
        uniqueKeysWithValues: ServiceName.allCases.map { service in (service, Set(methods(of: service).map { $0.name })) })
}
