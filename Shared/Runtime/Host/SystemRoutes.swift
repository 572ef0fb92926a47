import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57Telemetry
import NQ57Wire

/// The `sys.*` methods every backend answers besides `sys.describe`: health, loopback and metrics.
public enum SystemRoutes {
    /// Adds `sys.health` (with `clock`'s today), `sys.loopback` and `sys.metrics` for `service` to `routes`. `sys.metrics` answers the
    /// calls counted in `metrics`, this process's figures and the domain gauges `gauges` reads at that moment.
    public static func add(to routes: inout MethodRoutes, service: String, database: ServiceDatabase?, metrics: MethodMetrics, clock: NQ57Clock,
                           gauges: (@Sendable () async throws -> [SampledMetric])? = nil) {
        let started = Date()
        let pid = ProcessInfo.processInfo.processIdentifier
        let databaseHealth = database?.health
        routes.onLoop(SysHealth.self) { _, context in
            var report = HealthReport(service: service, status: .ok, pid: pid,
                                      uptimeSeconds: Date().timeIntervalSince(started), database: databaseHealth)
            report.today = clock.today
            // Process ids and paths for the gateway (a service call) and admins only.
            return Answer(context.isServiceCall || context.caller.seesSystemDetails ? report : report.redacted)
        }
        routes.onAnswer(SysLoopback.self) { params, context in
            try loopback(params, bulk: context.bulk, service: service)
        }
        routes.on(SysMetrics.self) { _, _ in
            SysMetrics.Result(text: metrics.prometheusText(adding: ProcessMetrics.sample() + (await domainGauges(gauges))))
        }
    }

    /// The domain gauges and `nq57_domain_gauges_up` 1, or only that flag at 0 if reading them failed; nothing when no
    /// reader is given.
    static func domainGauges(_ gauges: (@Sendable () async throws -> [SampledMetric])?) async -> [SampledMetric] {
        guard let gauges else { return [] }
        guard let read = try? await gauges() else { return [DomainGauges.up.with(value: 0)] }
        return read + [DomainGauges.up.with(value: 1)]
    }

    /// Hashes the bytes that came with a loopback call and, if asked, returns them.
    public static func loopback(_ params: SysLoopback.Params, bulk: ByteBuffer?, service: String) throws -> Answer<SysLoopback.Result> {
        guard let bulk else {
            throw RPCError(.invalidArgument, "sys.loopback cần dữ liệu thô (bulk) đi kèm yêu cầu.")
        }
        let digest = bulk.withUnsafeReadableBytes { SHA256Hasher.digest($0) }
        let result = SysLoopback.Result(bytes: bulk.readableBytes, sha256: digest.hexString, service: service)
        return Answer(result, bulk: params.echo ? bulk : nil)
    }
}
