import NQ57Telemetry
import Testing

@Suite("MethodMetrics")
struct MethodMetricsTests {
    @Test("counts calls and errors and records latency per method")
    func recordsCallsErrorsAndLatency() throws {
        let metrics = MethodMetrics(service: "tasks")
        metrics.record(method: "CreateTask", code: nil, seconds: 0.0005)
        metrics.record(method: "CreateTask", code: "invalid_argument", seconds: 0.002)
        metrics.record(method: "GetTask", code: nil, seconds: 0.004)
        metrics.record(method: "GetTask", code: nil, seconds: 0.02)
        metrics.record(method: "GetTask", code: nil, seconds: 0.3)

        let samples = try PrometheusText.parse(metrics.prometheusText())
        let create = ["service": "tasks", "method": "CreateTask"]
        let get = ["service": "tasks", "method": "GetTask"]

        #expect(samples.value("nq57_requests_total", create) == 2)
        #expect(samples.value("nq57_requests_total", get) == 3)

        let errors = samples.named("nq57_request_errors_total")
        #expect(errors.count == 1)
        #expect(errors.first?.labels == ["service": "tasks", "method": "CreateTask", "code": "invalid_argument"])
        #expect(errors.first?.value == 1)

        #expect(samples.value("nq57_request_duration_seconds_count", create) == 2)
        let createSum = try #require(samples.value("nq57_request_duration_seconds_sum", create))
        #expect(abs(createSum - 0.0025) < 1e-9)
        let getSum = try #require(samples.value("nq57_request_duration_seconds_sum", get))
        #expect(abs(getSum - 0.324) < 1e-9)

        func bucket(_ labels: [String: String], _ le: String) -> Double? {
            samples.value("nq57_request_duration_seconds_bucket", labels.merging(["le": le]) { $1 })
        }
        #expect(bucket(create, "0.0001") == 0)
        #expect(bucket(create, "0.001") == 1, "0.0005 s counts, 0.002 s does not")
        #expect(bucket(create, "0.0025") == 2)
        #expect(bucket(create, "+Inf") == 2)
        #expect(bucket(get, "0.005") == 1)
        #expect(bucket(get, "0.25") == 2)
        #expect(bucket(get, "0.5") == 3)

        #expect(!samples.isEmpty)
        #expect(samples.allSatisfy { $0.labels["service"] == "tasks" })
    }

    @Test("histogram has the local-RPC buckets")
    func histogramBuckets() throws {
        let metrics = MethodMetrics(service: "tasks")
        metrics.record(method: "Ping", code: nil, seconds: 0.00001)

        let bounds = try PrometheusText.parse(metrics.prometheusText())
            .named("nq57_request_duration_seconds_bucket")
            .compactMap { $0.labels["le"].flatMap(Double.init) }
            .sorted()
        #expect(bounds == [
            0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, .infinity,
        ])
    }

    @Test("past 512 distinct methods, new methods are recorded as method=\"other\"")
    func methodLabelCap() throws {
        let metrics = MethodMetrics(service: "tasks")
        for index in 0..<600 {
            metrics.record(method: "Method\(index)", code: index == 599 ? "internal" : nil, seconds: 0.001)
        }
        metrics.record(method: "Method0", code: nil, seconds: 0.001)

        let samples = try PrometheusText.parse(metrics.prometheusText())
        let requests = samples.named("nq57_requests_total")
        let methods = Set(requests.compactMap { $0.labels["method"] })
        #expect(methods.count == 513)
        #expect(methods.contains("other"))
        let firstMethods = Set((0..<512).map { "Method\($0)" })
        #expect(firstMethods.subtracting(methods).isEmpty, "the first 512 methods keep their own label")
        #expect(samples.value("nq57_requests_total", ["service": "tasks", "method": "other"]) == 88)
        #expect(samples.value("nq57_requests_total", ["service": "tasks", "method": "Method0"]) == 2)
        #expect(requests.reduce(0) { $0 + $1.value } == 601)
        #expect(
            samples.value("nq57_request_errors_total", ["service": "tasks", "method": "other", "code": "internal"]) == 1
        )
        let histogramMethods = Set(samples.named("nq57_request_duration_seconds_count").compactMap { $0.labels["method"] })
        #expect(histogramMethods == methods)
    }

    @Test("past 64 distinct error codes, new codes are recorded as code=\"other\"")
    func codeLabelCap() throws {
        let metrics = MethodMetrics(service: "tasks")
        for index in 0..<70 {
            metrics.record(method: "Call", code: "code\(index)", seconds: 0.001)
        }
        metrics.record(method: "Call", code: "code0", seconds: 0.001)

        let errors = try PrometheusText.parse(metrics.prometheusText()).named("nq57_request_errors_total")
        let codes = Set(errors.compactMap { $0.labels["code"] })
        #expect(codes == Set((0..<64).map { "code\($0)" }).union(["other"]))
        #expect(errors.first { $0.labels["code"] == "other" }?.value == 6)
        #expect(errors.first { $0.labels["code"] == "code0" }?.value == 2)
    }

    @Test("a method name with a quote, backslash and line feed round-trips through the text")
    func labelEscaping() throws {
        let method = "say \"hi\" \\ to\nall"
        let metrics = MethodMetrics(service: "a\\b")
        metrics.record(method: method, code: "not_\"found\"", seconds: 0.001)

        let text = metrics.prometheusText()
        #expect(text.contains(#"method="say \"hi\" \\ to\nall""#))
        let samples = try PrometheusText.parse(text)
        #expect(samples.value("nq57_requests_total", ["service": "a\\b", "method": method]) == 1)
        #expect(
            samples.value("nq57_request_errors_total", ["service": "a\\b", "method": method, "code": "not_\"found\""])
                == 1
        )
    }

    @Test("instances are independent")
    func independentInstances() throws {
        let first = MethodMetrics(service: "tasks")
        let second = MethodMetrics(service: "tasks")
        first.record(method: "Get", code: nil, seconds: 0.001)
        first.record(method: "Get", code: nil, seconds: 0.001)
        second.record(method: "Get", code: nil, seconds: 0.001)

        let labels = ["service": "tasks", "method": "Get"]
        #expect(try PrometheusText.parse(first.prometheusText()).value("nq57_requests_total", labels) == 2)
        #expect(try PrometheusText.parse(second.prometheusText()).value("nq57_requests_total", labels) == 1)
    }

    @Test("recording from many tasks at once loses no call")
    func concurrentRecording() async throws {
        let metrics = MethodMetrics(service: "tasks")
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for call in 0..<1_000 {
                        metrics.record(method: "M\(call % 4)", code: worker == 0 ? "internal" : nil, seconds: 0.001)
                    }
                }
            }
        }
        let samples = try PrometheusText.parse(metrics.prometheusText())
        #expect(samples.named("nq57_requests_total").reduce(0) { $0 + $1.value } == 8_000)
        #expect(samples.named("nq57_request_errors_total").reduce(0) { $0 + $1.value } == 1_000)
        #expect(samples.named("nq57_request_duration_seconds_count").reduce(0) { $0 + $1.value } == 8_000)
    }

    @Test("negative and NaN latencies are recorded as zero")
    func invalidLatency() throws {
        let metrics = MethodMetrics(service: "tasks")
        metrics.record(method: "Get", code: nil, seconds: -1)
        metrics.record(method: "Get", code: nil, seconds: .nan)

        let samples = try PrometheusText.parse(metrics.prometheusText())
        let labels = ["service": "tasks", "method": "Get"]
        #expect(samples.value("nq57_request_duration_seconds_sum", labels) == 0)
        #expect(samples.value("nq57_request_duration_seconds_bucket", labels.merging(["le": "0.0001"]) { $1 }) == 2)
    }
}
