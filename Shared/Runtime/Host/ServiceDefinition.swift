import GRDB
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Telemetry
import NQ57Wire
import ServiceLifecycle

/// What makes one backend service: its name, its database migrations, and the handlers of
/// its methods. The shared host does the rest (settings, logs, socket, health, stop).
public struct ServiceDefinition: Sendable {
    /// The service.
    public var name: ServiceName
    /// Registers the service's migrations after the shared ones.
    public var migrations: @Sendable (inout DatabaseMigrator) -> Void
    /// Builds the method table once the database is open.
    public var routes: @Sendable (ServiceEnvironment) async throws -> MethodRoutes
    /// The service's domain gauges (red flags open, reviews waiting, …), read from its data each time
    /// `sys.metrics` is read; none by default.
    public var gauges: ServiceGauges
    /// Work the service does on its own beside answering calls (the morning reminders), run
    /// until the service stops; none by default.
    public var background: @Sendable (ServiceEnvironment) async throws -> [any Service]

    /// Creates a definition.
    public init(name: ServiceName,
                migrations: @escaping @Sendable (inout DatabaseMigrator) -> Void,
                gauges: @escaping ServiceGauges = { _ in [] },
                background: @escaping @Sendable (ServiceEnvironment) async throws -> [any Service] = { _ in [] },
                routes: @escaping @Sendable (ServiceEnvironment) async throws -> MethodRoutes) {
        self.name = name
        self.migrations = migrations
        self.gauges = gauges
        self.background = background
        self.routes = routes
    }
}

/// Reads a service's domain gauges from its environment (its database, its settings) when the metrics are read.
public typealias ServiceGauges = @Sendable (ServiceEnvironment) async throws -> [SampledMetric]

/// What a service's handlers are given to work with.
public struct ServiceEnvironment: Sendable {
    /// The resolved settings.
    public var settings: NQ57Settings
    /// The service's database.
    public var database: ServiceDatabase
    /// The service's logger.
    public var logger: Logger

    /// The clock of every rule that depends on time (the settings' clock).
    public var clock: NQ57Clock { settings.clock }
}

extension ServiceEnvironment {
    /// A client of another service on its internal socket (services call each other
    /// directly, forwarding the caller the gateway vouched for).
    public func client(of service: ServiceName, timeout: TimeAmount = .seconds(10)) -> RPCClient {
        RPCClient(configuration: .init(socketPath: "\(settings.internalDirectory)/\(service.socketFileName)",
                                       serviceName: service.rawValue, limits: settings.limits, defaultTimeout: timeout),
                  group: MultiThreadedEventLoopGroup.singleton, logger: logger)
    }
}
