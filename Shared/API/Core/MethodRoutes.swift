import NIOCore
import NQ57Wire

/// The handlers a service registers, one per `APIMethod`, typed end to end: a handler gets
/// the method's `Params` and must return its `Result`, so no shape can drift.
public struct MethodRoutes: Sendable {
    typealias Body = @Sendable (RawJSON, CallContext) -> EventLoopFuture<Answer<RawJSON>>

    struct Route: Sendable {
        var description: MethodDescription
        var body: Body
    }

    private(set) var routes: [String: Route] = [:]

    /// An empty table.
    public init() {}

    /// Registers an async handler.
    public mutating func on<M: APIMethod>(_ method: M.Type, _ handler: @escaping @Sendable (M.Params, CallContext) async throws -> M.Result) {
        onAnswer(method) { params, context in Answer(try await handler(params, context)) }
    }

    /// Registers an async handler whose reply may carry raw bytes.
    public mutating func onAnswer<M: APIMethod>(_ method: M.Type, _ handler: @escaping @Sendable (M.Params, CallContext) async throws -> Answer<M.Result>) {
        add(method) { raw, context in
            let params = try raw.decode(M.Params.self)
            let promise = context.eventLoop.makePromise(of: Answer<RawJSON>.self)
            promise.completeWithTask {
                let answer = try await handler(params, context)
                return Answer(try RawJSON.encode(answer.result), bulk: answer.bulk)
            }
            return promise.futureResult
        }
    }

    /// Registers a handler that runs on the connection's event loop; for quick calls that
    /// never block (no database writes, no file I/O).
    public mutating func onLoop<M: APIMethod>(_ method: M.Type, _ handler: @escaping @Sendable (M.Params, CallContext) throws -> Answer<M.Result>) {
        add(method) { raw, context in
            context.eventLoop.makeCompletedFuture {
                let params = try raw.decode(M.Params.self)
                let answer = try handler(params, context)
                return Answer(try RawJSON.encode(answer.result), bulk: answer.bulk)
            }
        }
    }

    /// Registers a handler that forwards the raw params (the gateway's own `sys.*` methods).
    mutating func add<M: APIMethod>(_ method: M.Type, body: @escaping @Sendable (RawJSON, CallContext) throws -> EventLoopFuture<Answer<RawJSON>>) {
        precondition(routes[M.name] == nil, "method \(M.name) registered twice")
        routes[M.name] = Route(description: MethodDescription(method)) { raw, context in
            do {
                return try body(raw, context)
            } catch {
                return context.eventLoop.makeFailedFuture(error)
            }
        }
    }

    /// The descriptions of every registered method, sorted by name.
    public var descriptions: [MethodDescription] {
        routes.values.map(\.description).sorted { $0.name < $1.name }
    }
}
