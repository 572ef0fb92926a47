import NQ57Wire
import ServiceLifecycle

/// Runs an `RPCServer` as a swift-service-lifecycle `Service`: binds, serves until a
/// graceful shutdown (SIGTERM or SIGINT), then drains calls in flight before returning.
public struct RPCServerService: Service {
    private let server: RPCServer

    /// Wraps `server`.
    public init(server: RPCServer) { self.server = server }

    public func run() async throws {
        try await server.start()
        try? await gracefulShutdown()
        await server.shutdown()
    }
}
