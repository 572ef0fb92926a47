import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57Telemetry
import NQ57TestSupport
import NQ57Wire
import Testing

/// What the data centre's Prometheus scrapes: every family of every service's `sys.metrics` carries `# HELP` and
/// `# TYPE` (promtool is not installed here, so this is its check), with each process's figures and the domain gauges.
@Suite(.serialized)
struct MetricsExpositionTests {
    static func direct(_ system: TestSystem, _ service: ServiceName) -> RPCClient {
        RPCClient(configuration: .init(socketPath: system.socket(of: service), serviceName: service.rawValue),
                  group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
    }

    /// The names of families without HELP or TYPE in `text`.
    static func undocumented(_ text: String) throws -> [String] {
        try PrometheusText.families(text).filter { ($0.help ?? "").isEmpty || $0.type == nil }.map(\.name)
    }

    @Test("Every family of every service's sys.metrics has HELP and TYPE; process figures and domain gauges are there")
    func everyFamilyHasHelp() async throws {
        let system = try await TestSystem()
        defer { Task { _ = await system.stop() } }
        let admin = try await system.login()
        _ = try await system.client.call(AuthUnitsList.self, AuthUnitsList.Params(), token: admin)
        let process: Set<String> = ["process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes",
                                    "process_start_time_seconds", "process_open_fds", "process_max_fds"]
        let domain: [ServiceName: Set<String>] = [
            .auth: [],
            .tasks: ["nq57_red_flags_open", "nq57_reviews_waiting"],
            .metrics: ["nq57_red_flags_open", "nq57_reviews_waiting"],
            .evidence: ["nq57_evidence_stored_files", "nq57_evidence_stored_bytes"],
        ]
        for service in ServiceName.allCases {
            let text = try await Self.direct(system, service).call(SysMetrics.self, SysMetrics.Params()).text
            #expect(try Self.undocumented(text) == [], "\(service.rawValue)")
            let samples = try PrometheusText.parse(text)
            let names = Set(samples.map(\.name))
            #expect(process.isSubset(of: names), "\(service.rawValue): \(process.subtracting(names))")
            #expect(domain[service, default: []].isSubset(of: names), "\(service.rawValue)")
            #expect(samples.contains { $0.name == "nq57_domain_gauges_up" && $0.value == 1 }, "\(service.rawValue) read its gauges")
            let resident = samples.first { $0.name == "process_resident_memory_bytes" }
            #expect(resident?.labels == ["service": service.rawValue] && (resident?.value ?? 0) > 0)
        }
        // An empty system: nothing flagged, waiting or stored yet.
        let merged = try await system.client.call(SysMetrics.self, SysMetrics.Params())
        #expect(merged.missing.isEmpty)
        #expect(try Self.undocumented(merged.text) == [])
        let samples = try PrometheusText.parse(merged.text)
        for gauge in ["nq57_red_flags_open", "nq57_reviews_waiting", "nq57_evidence_stored_files", "nq57_evidence_stored_bytes"] {
            #expect(samples.filter { $0.name == gauge }.allSatisfy { $0.value == 0 }, "\(gauge)")
        }
        #expect(Set(samples.filter { $0.name == "process_open_fds" }.compactMap { $0.labels["service"] })
                == ["gateway", "auth", "tasks", "evidence", "metrics"])
        #expect(await system.stop() == 0)
    }
}
