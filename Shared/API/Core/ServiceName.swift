/// The backend services behind the gateway; each owns the methods named `<rawValue>.*`.
public enum ServiceName: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    case auth
    case tasks
    case evidence
    case metrics

    /// The executable that runs the service.
    public var executable: String { "nq57-\(rawValue)" }

    /// The socket file name inside the internal socket directory.
    public var socketFileName: String { "\(rawValue).sock" }

    /// The service that owns `method`, from its prefix; nil for `sys.*` and unknown prefixes.
    public static func owner(of method: String) -> ServiceName? {
        guard let dot = method.firstIndex(of: ".") else { return nil }
        return ServiceName(rawValue: String(method[..<dot]))
    }
}

/// The version of nq57 these binaries are.
public enum NQ57Version {
    /// Semantic version of the release.
    public static let current = "0.1.0"
}
