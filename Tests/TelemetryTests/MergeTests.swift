import NQ57Telemetry
import Testing

@Suite("PrometheusText.merge")
struct MergeTests {
    @Test("two services' documents merge into one valid document")
    func mergesServices() throws {
        let tasks = MethodMetrics(service: "tasks")
        tasks.record(method: "CreateTask", code: nil, seconds: 0.001)
        tasks.record(method: "CreateTask", code: "internal", seconds: 0.003)
        tasks.record(method: "GetTask", code: nil, seconds: 0.0002)
        let auth = MethodMetrics(service: "auth")
        auth.record(method: "Login", code: "not_found", seconds: 0.05)

        let merged = PrometheusText.merge([tasks.prometheusText(), auth.prometheusText()])
        let samples = try PrometheusText.parse(merged)

        let lines = merged.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a line feed")
        #expect(!lines.dropLast().contains(""), "no blank lines")
        let typeLines = lines.filter { $0.hasPrefix("# TYPE ") }
        #expect(typeLines.count == 3)
        #expect(Set(typeLines) == [
            "# TYPE nq57_requests_total counter",
            "# TYPE nq57_request_errors_total counter",
            "# TYPE nq57_request_duration_seconds histogram",
        ])

        // Each family's lines are one contiguous group.
        let families = lines.dropLast().map { line -> String in
            let name = line.hasPrefix("# ") ? line.split(separator: " ")[2] : line.prefix { $0 != "{" && $0 != " " }
            return name.hasPrefix("nq57_request_duration_seconds") ? "histogram" : String(name)
        }
        let groups = families.enumerated().filter { $0.offset == 0 || families[$0.offset - 1] != $0.element }
        #expect(groups.count == 3)

        #expect(samples.value("nq57_requests_total", ["service": "tasks", "method": "CreateTask"]) == 2)
        #expect(samples.value("nq57_requests_total", ["service": "tasks", "method": "GetTask"]) == 1)
        #expect(samples.value("nq57_requests_total", ["service": "auth", "method": "Login"]) == 1)
        #expect(
            samples.value("nq57_request_errors_total", ["service": "auth", "method": "Login", "code": "not_found"]) == 1
        )
        #expect(samples.value("nq57_request_duration_seconds_count", ["service": "auth", "method": "Login"]) == 1)
        #expect(Set(samples.compactMap { $0.labels["service"] }) == ["tasks", "auth"])

        let separately = try PrometheusText.parse(tasks.prometheusText()) + PrometheusText.parse(auth.prometheusText())
        #expect(Set(samples) == Set(separately))
        #expect(samples.count == separately.count)
    }

    @Test("HELP and TYPE once per family, first-seen order, histogram samples kept with their family")
    func mergesHandWrittenDocuments() {
        let first = """
            # HELP up Whether the target is up.
            # TYPE up gauge
            up{job="a"} 1

            # A free comment.
            # TYPE latency histogram
            latency_bucket{le="1"} 2
            latency_bucket{le="+Inf"} 3
            latency_sum 4.5
            latency_count 3
            """
        let second = """
            # TYPE latency histogram
            latency_bucket{le="1"} 0
            latency_bucket{le="+Inf"} 1
            latency_sum 9
            latency_count 1
            # HELP up Another help text.
            # TYPE up gauge
            up{job="b"} 0
            # TYPE calls_total counter
            calls_total 7
            """
        let expected = """
            # HELP up Whether the target is up.
            # TYPE up gauge
            up{job="a"} 1
            up{job="b"} 0
            # TYPE latency histogram
            latency_bucket{le="1"} 2
            latency_bucket{le="+Inf"} 3
            latency_sum 4.5
            latency_count 3
            latency_bucket{le="1"} 0
            latency_bucket{le="+Inf"} 1
            latency_sum 9
            latency_count 1
            # TYPE calls_total counter
            calls_total 7

            """
        #expect(PrometheusText.merge([first, second]) == expected)
    }

    @Test("merging nothing gives an empty document")
    func mergesNothing() {
        #expect(PrometheusText.merge([]) == "")
        #expect(PrometheusText.merge(["", "\n\n"]) == "")
    }
}
