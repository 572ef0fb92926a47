import ArgumentParser
import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57Telemetry
import NQ57Wire
import ServiceLifecycle

/// The `main` of every backend executable: parse flags, resolve settings, start logging,
/// open and migrate the database, register the methods, serve the socket, stop gracefully.
public enum ServiceHost {
    /// Runs `definition` as this process; returns when it has stopped (exit code 0), or exits
    /// non-zero with a message when it cannot start.
    public static func main(_ definition: ServiceDefinition) async {
        let name = definition.name.rawValue
        let (settings, logger) = startUp(service: name)
        do {
            let database = try ServiceDatabase(path: "\(settings.serviceDirectory)/\(name).sqlite",
                                               migrations: definition.migrations)
            let environment = ServiceEnvironment(settings: settings, database: database, logger: logger)
            var routes = try await definition.routes(environment).checked(against: APICatalog.api(of: definition.name))
            let metrics = MethodMetrics(service: name)
            SystemRoutes.add(to: &routes, service: name, database: database, metrics: metrics, clock: settings.clock,
                             gauges: { try await definition.gauges(environment) })
            let router = MethodRouter(service: name, routes: routes,
                                      checkingPoliciesWith: AuthUnitPaths(auth: environment.client(of: .auth, timeout: .seconds(2))))
            try await serve(MeteredHandler(router, metrics: metrics), settings: settings,
                            socketMode: 0o600, alongside: try await definition.background(environment), logger: logger)
        } catch {
            FileHandle.standardError.write(Data("nq57-\(name): cannot start: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Parses the process's flags, resolves the settings of `service` and starts logging; on
    /// bad flags or settings, prints why and exits non-zero.
    public static func startUp(service: String) -> (NQ57Settings, Logger) {
        let options: ServiceOptions
        do {
            options = try ServiceOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            ServiceOptions.exit(withError: error)
        }
        do {
            let settings = try NQ57Settings.resolve(service: service, options: options)
            LoggingSystem.bootstrapLogfmt(service: service, level: settings.logLevel)
            return (settings, Logger(label: "nq57.\(service)"))
        } catch {
            FileHandle.standardError.write(Data("nq57-\(service): cannot start: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Serves `handler` on the settings' socket until SIGTERM or SIGINT, then drains.
    public static func serve(_ handler: any RPCRequestHandler, settings: NQ57Settings, socketMode: mode_t,
                             watchDeadlines: Bool = true, alongside: [any Service] = [], logger: Logger) async throws {
        try InternalDirectory.prepare(settings.internalDirectory)
        let group = MultiThreadedEventLoopGroup.singleton
        let server = RPCServer(configuration: .init(socketPath: settings.socketPath, socketMode: socketMode, limits: settings.limits,
                                                     watchDeadlines: watchDeadlines),
                               handler: handler, group: group, logger: logger)
        var services = ([RPCServerService(server: server)] + alongside).map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        if let parent = settings.parentProcess {
            let watch = ParentWatch(parent: parent)
            services.append(.init(service: watch, successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await serviceGroup.run()
        logger.info("stopped")
    }
}

/// The folder of the internal sockets: only the service account may enter it.
public enum InternalDirectory {
    /// Creates `path` with mode 0700, or tightens it to 0700 if it exists.
    public static func prepare(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    }
}
