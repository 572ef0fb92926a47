import Prometheus
import Synchronization

/// Request counts, error counts and latency per method for one service process.
///
/// Records three series, each labelled with `service` and `method`:
/// - `nq57_requests_total` (counter): every call;
/// - `nq57_request_errors_total` (counter, also labelled with `code`): failed calls;
/// - `nq57_request_duration_seconds` (histogram): latency, with buckets from 0.1 ms to 10 s.
///
/// Each family carries a `# HELP` line. Each instance owns its own `PrometheusCollectorRegistry` and never touches
/// the global `MetricsSystem`, so several instances can live in one process. The registry's objects are cached per
/// method and per (method, code).
///
/// At most 512 distinct method names and 64 distinct error codes get their own label value; calls of further
/// new methods are recorded under `method="other"`, and further new codes under `code="other"`.
public final class MethodMetrics: Sendable {
    private let service: String
    private let registry: PrometheusCollectorRegistry
    private let cache: Mutex<SeriesCache>

    /// Creates the metrics of one service process.
    ///
    /// - Parameter service: Becomes the `service` label on every series.
    public init(service: String) {
        let registry = PrometheusCollectorRegistry()
        self.service = service
        self.registry = registry
        self.cache = Mutex(SeriesCache(service: service, registry: registry))
    }

    /// Records one finished call.
    ///
    /// - Parameters:
    ///   - method: The RPC method name; pass only known method names.
    ///   - code: `nil` for success, or the wire error code (e.g. `"invalid_argument"`, `"not_found"`, `"internal"`).
    ///   - seconds: The call's latency. Negative or NaN values are recorded as 0, and values too large for
    ///     nanoseconds in an `Int64` as that maximum.
    public func record(method: String, code: String?, seconds: Double) {
        let (series, errors) = self.cache.withLock { cache in
            let series = cache.series(for: method)
            return (series, code.map { cache.errorCounter(for: series, code: $0) })
        }
        series.requests.increment()
        errors?.increment()
        series.duration.recordNanoseconds(Self.nanoseconds(seconds))
    }

    /// The registry's current state in Prometheus text exposition format 0.0.4.
    public func prometheusText() -> String {
        self.registry.emitToString()
    }

    /// The registry's current state followed by `sampled` (process figures, domain gauges), each labelled with this
    /// process's `service`, in Prometheus text exposition format 0.0.4.
    public func prometheusText(adding sampled: [SampledMetric]) -> String {
        self.registry.emitToString() + SampledMetric.exposition(sampled, service: self.service)
    }

    /// `seconds` as whole nanoseconds, rounded, clamped to `0...Int64.max`; NaN becomes 0.
    private static func nanoseconds(_ seconds: Double) -> Int64 {
        let nanoseconds = (seconds * 1_000_000_000).rounded()
        guard nanoseconds > 0 else { return 0 }
        guard nanoseconds < Double(Int64.max) else { return .max }
        return Int64(nanoseconds)
    }
}
