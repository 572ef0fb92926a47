import Prometheus

/// The Prometheus objects of one method: its request counter and its latency histogram.
struct MethodSeries: Sendable {
    /// The `method` label value: the method name, or `"other"` past the method cap.
    let label: String
    /// Counts every call of the method.
    let requests: Prometheus.Counter
    /// Records the latency of every call of the method.
    let duration: DurationHistogram
}

/// Caches metric objects per method and per (method, code), and applies the cardinality caps.
///
/// Not thread-safe by itself: ``MethodMetrics`` keeps it inside a `Mutex`.
struct SeriesCache {
    private let service: String
    private let registry: PrometheusCollectorRegistry
    private var methods: [String: MethodSeries] = [:]
    private var errors: [String: [String: Prometheus.Counter]] = [:]
    private var knownCodes: Set<String> = []

    /// Creates an empty cache whose metrics carry `service` and live in `registry`, each family with its HELP text.
    init(service: String, registry: PrometheusCollectorRegistry) {
        self.service = service
        self.registry = registry
    }

    /// The series of `method`, created on first use; once the method cap is reached, new methods share `"other"`.
    mutating func series(for method: String) -> MethodSeries {
        if let cached = self.methods[method] {
            return cached
        }
        let label = self.methodLabel(for: method)
        if let cached = self.methods[label] {
            return cached
        }
        let dimensions = [(SeriesNames.serviceLabel, self.service), (SeriesNames.methodLabel, label)]
        let created = MethodSeries(
            label: label,
            requests: self.registry.makeCounter(descriptor: SeriesNames.requestsFamily, labels: dimensions),
            duration: self.registry.makeDurationHistogram(descriptor: SeriesNames.durationFamily, labels: dimensions,
                                                          buckets: SeriesNames.durationBuckets)
        )
        self.methods[label] = created
        return created
    }

    /// The error counter of (`series`' method, `code`), created on first use; once the code cap is reached, new
    /// codes share `"other"`.
    mutating func errorCounter(for series: MethodSeries, code: String) -> Prometheus.Counter {
        let methodLabel = series.label
        if let cached = self.errors[methodLabel]?[code] {
            return cached
        }
        let codeLabel = self.codeLabel(for: code)
        if let cached = self.errors[methodLabel]?[codeLabel] {
            return cached
        }
        let dimensions = [
            (SeriesNames.serviceLabel, self.service),
            (SeriesNames.methodLabel, methodLabel),
            (SeriesNames.codeLabel, codeLabel),
        ]
        let created = self.registry.makeCounter(descriptor: SeriesNames.errorsFamily, labels: dimensions)
        self.errors[methodLabel, default: [:]][codeLabel] = created
        return created
    }

    /// `method` itself while fewer than ``CardinalityLimits/methods`` distinct methods are known, else `"other"`.
    /// `"other"` itself never counts towards the cap.
    private func methodLabel(for method: String) -> String {
        let named = self.methods.count - (self.methods[SeriesNames.overflowValue] == nil ? 0 : 1)
        if method == SeriesNames.overflowValue || named < CardinalityLimits.methods {
            return method
        }
        return SeriesNames.overflowValue
    }

    /// `code` itself while it is known or fewer than ``CardinalityLimits/codes`` distinct codes are known, else
    /// `"other"`.
    private mutating func codeLabel(for code: String) -> String {
        if self.knownCodes.contains(code) || code == SeriesNames.overflowValue {
            return code
        }
        if self.knownCodes.count < CardinalityLimits.codes {
            self.knownCodes.insert(code)
            return code
        }
        return SeriesNames.overflowValue
    }
}
