import Prometheus

/// Names, labels and histogram buckets of the series that ``MethodMetrics`` records.
enum SeriesNames {
    /// Counter of every finished call.
    static let requests = "nq57_requests_total"
    /// Counter of failed calls, with a `code` label.
    static let errors = "nq57_request_errors_total"
    /// Histogram of call latency in seconds.
    static let duration = "nq57_request_duration_seconds"

    /// ``requests`` with its `# HELP` text.
    static var requestsFamily: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "nq57", metricName: "requests", unitName: "total",
                             helpText: "RPC calls answered, by service and method.")
    }
    /// ``errors`` with its `# HELP` text.
    static var errorsFamily: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "nq57", metricName: "request_errors", unitName: "total",
                             helpText: "RPC calls answered with an error, by service, method and wire error code.")
    }
    /// ``duration`` with its `# HELP` text.
    static var durationFamily: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "nq57", metricName: "request_duration", unitName: "seconds",
                             helpText: "Time to answer an RPC call in seconds, by service and method.")
    }

    /// Label naming the service process.
    static let serviceLabel = "service"
    /// Label naming the RPC method.
    static let methodLabel = "method"
    /// Label naming the wire error code of a failed call.
    static let codeLabel = "code"

    /// Label value that replaces method names or error codes past the cardinality caps.
    static let overflowValue = "other"

    /// Latency bucket upper bounds for local RPC over Unix sockets:
    /// 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 s
    /// (`+Inf` is added by the histogram itself).
    static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .microseconds(2500), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
}
