/// Every method of every backend service, by service: what the gateway routes and what
/// `sys.describe` at the gateway shows. A service registers a handler for each of its
/// entries here (a test checks that the two agree).
public enum APICatalog {
    /// The methods every service answers.
    public static let system: [any APIMethod.Type] = [SysHealth.self, SysDescribe.self, SysLoopback.self]

    /// The methods each backend owns.
    public static func methods(of service: ServiceName) -> [any APIMethod.Type] {
        switch service {
        case .auth: []
        case .tasks: []
        case .evidence: []
        case .metrics: []
        }
    }

    /// Whether `name` is a method that `service` owns.
    public static func contains(_ name: String, in service: ServiceName) -> Bool {
        names[service]?.contains(name) ?? false
    }

    private static let names: [ServiceName: Set<String>] = Dictionary(
        uniqueKeysWithValues: ServiceName.allCases.map { service in (service, Set(methods(of: service).map { $0.name })) })
}
