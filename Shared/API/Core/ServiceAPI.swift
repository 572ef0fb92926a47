/// The one list of a backend service's methods. The gateway's catalog is built from these
/// lists, and a service will not start unless it registered a handler for exactly the
/// methods of its list (`MethodRoutes.checked(against:)`), so adding a method means: declare
/// it, add it to its service's list, implement it — nothing else to keep in step.
public protocol ServiceAPI {
    /// The service that owns the methods.
    static var service: ServiceName { get }
    /// Every method the service answers besides `sys.*`.
    static var methods: [any APIMethod.Type] { get }
}

/// A service's route table does not match its method list.
public struct RouteTableMismatch: Error, CustomStringConvertible, Equatable {
    /// The service.
    public var service: String
    /// Methods in the list that have no handler.
    public var missing: [String]
    /// Handlers for methods that are not in the list.
    public var unlisted: [String]

    public var description: String {
        "\(service): route table does not match its method list (no handler: \(missing.joined(separator: ", ")); not listed: \(unlisted.joined(separator: ", ")))"
    }
}

extension MethodRoutes {
    /// The same table, after checking that it handles exactly the methods of `api` (plus any
    /// `sys.*` the host adds later); throws `RouteTableMismatch` naming what is missing or extra.
    public func checked(against api: any ServiceAPI.Type) throws -> MethodRoutes {
        let listed = Set(api.methods.map { $0.name })
        let registered = Set(routes.keys)
        let missing = listed.subtracting(registered).sorted()
        let unlisted = registered.subtracting(listed).filter { !$0.hasPrefix("sys.") }.sorted()
        guard missing.isEmpty, unlisted.isEmpty else {
            throw RouteTableMismatch(service: api.service.rawValue, missing: missing, unlisted: unlisted)
        }
        return self
    }
}
