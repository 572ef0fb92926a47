import Logging
import NIOCore
import NQ57API
import NQ57Wire

/// The gateway's clients, one per backend service, each on its internal socket.
public struct Backends: Sendable {
    private let clients: [ServiceName: RPCClient]

    /// Creates a client for every backend, finding their sockets in `internalDirectory`.
    public init(internalDirectory: String, limits: WireLimits, callTimeout: TimeAmount,
                group: any EventLoopGroup, logger: Logger) {
        var clients: [ServiceName: RPCClient] = [:]
        for service in ServiceName.allCases {
            let configuration = RPCClient.Configuration(
                socketPath: "\(internalDirectory)/\(service.socketFileName)", serviceName: service.rawValue,
                limits: limits, defaultTimeout: callTimeout)
            clients[service] = RPCClient(configuration: configuration, group: group, logger: logger)
        }
        self.clients = clients
    }

    /// The client of `service`.
    public func client(_ service: ServiceName) -> RPCClient {
        clients[service]!
    }

    /// Closes every connection.
    public func close() async {
        for client in clients.values { await client.close() }
    }
}
