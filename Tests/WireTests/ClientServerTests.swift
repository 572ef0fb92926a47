import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57TestSupport
import Testing
@testable import NQ57Wire

/// The client and server over a real Unix socket in a temporary folder.
@Suite(.serialized)
struct ClientServerTests {
    /// Echoes params after a delay the params ask for; never answers `test.hang`.
    struct EchoHandler: RPCRequestHandler {
        func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
            if request.method == "test.hang" {
                return context.eventLoop.makePromise(of: ReplyEnvelope.self).futureResult
            }
            let delay = (try? request.params.decode([String: Int].self))?["delayMs"] ?? 0
            return context.eventLoop.scheduleTask(in: .milliseconds(Int64(delay))) {
                ReplyEnvelope(id: request.id, outcome: .success(request.params), bulk: request.bulk)
            }.futureResult
        }
    }

    private static func socketPath() -> String {
        "/tmp/nq57-wire-\(UUID().uuidString.prefix(8)).sock"
    }

    /// Tells the test each time a request reaches the handler, then answers as ``EchoHandler`` does.
    struct ArrivalHandler: RPCRequestHandler {
        let arrived: AsyncStream<String>.Continuation
        func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
            arrived.yield(request.method)
            return EchoHandler().handle(request, context: context)
        }
    }

    private static func startServer(at path: String, limits: WireLimits = WireLimits(),
                                    handler: any RPCRequestHandler = EchoHandler()) async throws -> RPCServer {
        let server = RPCServer(configuration: .init(socketPath: path, limits: limits), handler: handler,
                               group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test.server"))
        try await server.start()
        return server
    }

    private static func client(_ path: String) -> RPCClient {
        RPCClient(configuration: .init(socketPath: path, serviceName: "test"), group: MultiThreadedEventLoopGroup.singleton,
                  logger: Logger(label: "test.client"))
    }

    private static func request(_ params: String, method: String = "test.echo", timeoutMs: Int64 = 5000) throws -> RequestEnvelope {
        RequestEnvelope(id: MessageID(0), method: method, params: try RawJSON(params),
                        deadline: wallClockMilliseconds() + timeoutMs)
    }

    @Test("Hundreds of calls in flight on one connection, answered out of order, each gets its own reply")
    func multiplexes() async throws {
        let path = Self.socketPath()
        let server = try await Self.startServer(at: path)
        let client = Self.client(path)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let futures = try (0..<300).map { index in
            // A deadline that only a hang passes: this test is about order, not speed (300 calls on a loaded machine).
            client.send(try Self.request(#"{"n":\#(index),"delayMs":\#((300 - index) % 17)}"#, timeoutMs: 120_000), on: loop)
        }
        for (index, future) in futures.enumerated() {
            let reply = try await future.get()
            let params = try reply.outcome.get().decode([String: Int].self)
            #expect(params["n"] == index)
        }
        await client.close()
        await server.shutdown()
    }

    @Test("A call past its deadline fails with deadline_exceeded, and the connection goes on")
    func deadline() async throws {
        let path = Self.socketPath()
        let server = try await Self.startServer(at: path)
        let client = Self.client(path)
        let started = ContinuousClock.now
        // Client and server both watch the deadline; whichever fires first, the caller sees deadline_exceeded.
        let (result, elapsed) = await completionTime(
            since: started, of: client.send(try Self.request("{}", method: "test.hang", timeoutMs: 200), on: MultiThreadedEventLoopGroup.singleton.next()))
        switch result {
        case .success(let reply):
            guard case .failure(let error) = reply.outcome else {
                Issue.record("a hanging call returned a result")
                return
            }
            #expect(error.code == .deadlineExceeded)
        case .failure(let error):
            #expect((error as? RPCError)?.code == .deadlineExceeded)
        }
        #expect(elapsed < .seconds(5), "the 200 ms deadline ends the call, not the 30 s default")
        let after = try await client.send(try Self.request(#"{"ok":1}"#))
        #expect(try after.outcome.get().decode([String: Int].self) == ["ok": 1])
        await client.close()
        await server.shutdown()
    }

    @Test("Nobody listening: unavailable at once; a server that comes back is reconnected to")
    func unavailableThenReconnect() async throws {
        let path = Self.socketPath()
        let client = Self.client(path)
        let started = ContinuousClock.now
        let (result, elapsed) = await completionTime(since: started, of: client.send(try Self.request("{}"), on: MultiThreadedEventLoopGroup.singleton.next()))
        #expect((try? result.get()) == nil, "a call without a server succeeded")
        if case .failure(let error as RPCError) = result { #expect(error.code == .unavailable) }
        #expect(elapsed < .seconds(2), "at once, not after the 30 s default timeout")

        var server = try await Self.startServer(at: path)
        #expect(try await client.send(try Self.request(#"{"a":1}"#)).outcome.get().decode([String: Int].self) == ["a": 1])
        await server.shutdown()
        server = try await Self.startServer(at: path)
        #expect(try await client.send(try Self.request(#"{"a":2}"#)).outcome.get().decode([String: Int].self) == ["a": 2])
        await client.close()
        await server.shutdown()
    }

    @Test("Shutdown lets a call in flight finish, then stops accepting")
    func drains() async throws {
        let path = Self.socketPath()
        let (arrivals, arrived) = AsyncStream.makeStream(of: String.self)
        let server = try await Self.startServer(at: path, handler: ArrivalHandler(arrived: arrived))
        let client = Self.client(path)
        let slow = client.send(try Self.request(#"{"delayMs":400}"#), on: MultiThreadedEventLoopGroup.singleton.next())
        // Shut down once the call is in the handler's hands, not before.
        var waiting = arrivals.makeAsyncIterator()
        #expect(await waiting.next() == "test.echo")
        await server.shutdown()
        let reply = try await slow.get()
        #expect(try reply.outcome.get().decode([String: Int].self) == ["delayMs": 400])
        #expect(!FileManager.default.fileExists(atPath: path))
        await client.close()
    }

    @Test("Raw bytes travel beside the message, as their own frame, unchanged")
    func bulk() async throws {
        let path = Self.socketPath()
        let server = try await Self.startServer(at: path)
        let client = Self.client(path)
        var request = try Self.request("{}")
        request.bulk = ByteBuffer(bytes: (0..<100_000).map { UInt8(truncatingIfNeeded: $0) })
        let reply = try await client.send(request)
        #expect(reply.bulk == request.bulk)
        await client.close()
        await server.shutdown()
    }

    @Test("A second server on a live socket is refused; a stale socket file is replaced")
    func socketFile() async throws {
        let path = Self.socketPath()
        let server = try await Self.startServer(at: path)
        await #expect(throws: SocketInUse.self) { _ = try await Self.startServer(at: path) }
        await server.shutdown()
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let again = try await Self.startServer(at: path)
        await again.shutdown()
    }
}
