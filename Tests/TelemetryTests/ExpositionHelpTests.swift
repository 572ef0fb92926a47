import Foundation
@testable import NQ57Telemetry
import Testing

/// Every family a process exposes carries `# HELP` and `# TYPE` (promtool's first complaint), and the process
/// figures are read from `/proc/self` as Prometheus's own clients name them.
@Suite("Exposition: HELP, TYPE and process figures")
struct ExpositionHelpTests {
    @Test("The request families carry HELP and TYPE")
    func requestFamiliesHaveHelp() throws {
        let metrics = MethodMetrics(service: "tasks")
        metrics.record(method: "tasks.list", code: nil, seconds: 0.001)
        metrics.record(method: "tasks.list", code: "not_found", seconds: 0.001)
        let families = try PrometheusText.families(metrics.prometheusText())
        #expect(Set(families.map(\.name)) == ["nq57_requests_total", "nq57_request_errors_total", "nq57_request_duration_seconds"])
        for family in families {
            #expect(family.help?.isEmpty == false, "\(family.name) has no HELP")
            #expect(family.type != nil, "\(family.name) has no TYPE")
        }
        #expect(families.first { $0.name == "nq57_request_duration_seconds" }?.type == "histogram")
    }

    @Test("families() finds a family that has samples and TYPE but no HELP")
    func familyWithoutHelpIsFound() throws {
        let text = """
            # HELP a_total Calls.
            # TYPE a_total counter
            a_total{service="x"} 1
            # TYPE b_seconds histogram
            b_seconds_bucket{le="+Inf"} 1
            b_seconds_sum 0.5
            b_seconds_count 1
            c 3

            """
        let families = try PrometheusText.families(text)
        #expect(families.map(\.name) == ["a_total", "b_seconds", "c"])
        #expect(families.map(\.help) == ["Calls.", nil, nil])
        #expect(families.map(\.type) == ["counter", "histogram", nil])
        #expect(families.map(\.samples) == [1, 3, 1])
    }

    @Test("Sampled figures are written with HELP, TYPE and the service label, escaped, and read back")
    func sampledExposition() throws {
        let figures = [
            SampledMetric(name: "process_open_fds", help: "Number of open file descriptors.", value: 12),
            SampledMetric(name: "process_cpu_seconds_total", help: "CPU time with a \\ backslash.", kind: .counter, value: 0.25),
            SampledMetric(name: "process_open_fds", help: "Number of open file descriptors.", value: 99),
        ]
        let text = SampledMetric.exposition(figures, service: "ta\"sks")
        let families = try PrometheusText.families(text)
        #expect(families.map(\.name) == ["process_open_fds", "process_cpu_seconds_total"], "a repeated name is written once")
        #expect(families.map(\.type) == ["gauge", "counter"])
        #expect(families.allSatisfy { $0.help?.isEmpty == false })
        #expect(text.contains("# HELP process_cpu_seconds_total CPU time with a \\\\ backslash.\n"))
        let samples = try PrometheusText.parse(text)
        #expect(samples.value("process_open_fds", ["service": "ta\"sks"]) == 12)
        #expect(samples.value("process_cpu_seconds_total", ["service": "ta\"sks"]) == 0.25)
    }

    @Test("A /proc/PID/stat line is read from the last parenthesis, whatever the command name holds")
    func procStatParsing() {
        // Fields 3…24 after a command name with a space and a parenthesis.
        let line = "4242 (nq57 (tasks)) S 1 4242 4242 0 -1 4194560 900 0 0 0 150 50 0 0 20 0 9 0 12345 734003200 2048 18446744073709551615"
        let stat = ProcStat.parse(line)
        #expect(stat == ProcStat(userTicks: 150, systemTicks: 50, startTicks: 12345, virtualBytes: 734_003_200, residentPages: 2048))
        #expect(ProcStat.parse("4242 nq57 S 1") == nil)
    }

    @Test("This process's figures: memory, descriptors, CPU and start time, each with HELP")
    func processFigures() throws {
        let figures = ProcessMetrics.sample()
        let byName = Dictionary(figures.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #if os(Linux)
        #expect(Set(byName.keys) == ["process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes",
                                     "process_start_time_seconds", "process_open_fds", "process_max_fds"])
        let resident = try #require(byName["process_resident_memory_bytes"]?.value)
        #expect(resident > Double(1 << 20), "a Swift test process holds more than 1 MiB")
        #expect(try #require(byName["process_virtual_memory_bytes"]?.value) >= resident)
        #expect(try #require(byName["process_open_fds"]?.value) >= 3)
        #expect(try #require(byName["process_cpu_seconds_total"]?.value) > 0)
        #expect(byName["process_cpu_seconds_total"]?.kind == .counter)
        let started = try #require(byName["process_start_time_seconds"]?.value)
        let now = Date().timeIntervalSince1970
        #expect(started <= now + 1 && started > now - 86_400 * 7, "started at \(started), now \(now)")
        #endif
        #expect(figures.allSatisfy { !$0.help.isEmpty })
    }
}

@Suite("Series names")
struct SeriesNamesTests {
    @Test("The families' descriptors spell the names the documents and dashboards use")
    func descriptorsMatchNames() {
        #expect(SeriesNames.requestsFamily.name == SeriesNames.requests)
        #expect(SeriesNames.errorsFamily.name == SeriesNames.errors)
        #expect(SeriesNames.durationFamily.name == SeriesNames.duration)
    }
}
