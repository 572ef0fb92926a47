import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57Wire

/// A closed-loop load: `clients` connections, each sending the same request again as soon as
/// its reply arrives, for a fixed time; records every round trip.
struct LoadGenerator {
    /// What one run measured.
    struct Outcome {
        var calls: Int
        var errors: Int
        var seconds: Double
        var latenciesNanoseconds: [UInt64]

        var callsPerSecond: Double { Double(calls) / seconds }

        func percentile(_ p: Double) -> Double {
            guard !latenciesNanoseconds.isEmpty else { return .nan }
            let sorted = latenciesNanoseconds.sorted()
            let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))
            return Double(sorted[index]) / 1000
        }
    }

    var socketPath: String
    var request: RequestEnvelope
    var clients: Int
    var seconds: Double
    var group: any EventLoopGroup

    /// Runs a short warm-up, then the measured load.
    func run() async throws -> Outcome {
        let connections = (0..<clients).map { index in
            RPCClient(configuration: .init(socketPath: socketPath, serviceName: "bench-\(index)"),
                      group: group, logger: Logger(label: "nq57.bench"))
        }
        defer { Task { for client in connections { await client.close() } } }
        _ = try await runPhase(connections, seconds: min(0.5, seconds / 4))
        return try await runPhase(connections, seconds: seconds)
    }

    private func runPhase(_ connections: [RPCClient], seconds: Double) async throws -> Outcome {
        let end = NIODeadline.now() + .nanoseconds(Int64(seconds * 1e9))
        let started = NIODeadline.now()
        let loops = connections.map { LoopClient(client: $0, request: request, loop: group.next()) }
        let results = try await EventLoopFuture.whenAllSucceed(loops.map { $0.start(until: end) }, on: group.next()).get()
        let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        return Outcome(calls: results.reduce(0) { $0 + $1.latencies.count },
                       errors: results.reduce(0) { $0 + $1.errors },
                       seconds: elapsed,
                       latenciesNanoseconds: results.flatMap(\.latencies))
    }
}

/// One client's loop, confined to its event loop.
private final class LoopClient: @unchecked Sendable {
    struct Tally: Sendable {
        var latencies: [UInt64] = []
        var errors = 0
    }

    private let client: RPCClient
    private let request: RequestEnvelope
    private let loop: any EventLoop
    private var tally = Tally()

    init(client: RPCClient, request: RequestEnvelope, loop: any EventLoop) {
        self.client = client
        self.request = request
        self.loop = loop
        tally.latencies.reserveCapacity(200_000)
    }

    func start(until end: NIODeadline) -> EventLoopFuture<Tally> {
        let promise = loop.makePromise(of: Tally.self)
        loop.execute { self.next(until: end, promise: promise) }
        return promise.futureResult
    }

    private func next(until end: NIODeadline, promise: EventLoopPromise<Tally>) {
        let start = NIODeadline.now()
        guard start < end else {
            promise.succeed(tally)
            return
        }
        client.send(request, on: loop).whenComplete { result in
            let took = NIODeadline.now() - start
            switch result {
            case .success(let reply):
                if case .failure = reply.outcome { self.tally.errors += 1 }
                self.tally.latencies.append(UInt64(took.nanoseconds))
            case .failure:
                self.tally.errors += 1
            }
            self.next(until: end, promise: promise)
        }
    }
}
