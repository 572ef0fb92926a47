/// One sample line of a Prometheus text document: a metric name, its labels and its value.
///
/// A histogram's samples keep their suffixed names (`…_bucket`, `…_sum`, `…_count`), and `le` is an ordinary label.
public struct PrometheusSample: Sendable, Hashable {
    /// The metric name as written on the line, e.g. `nq57_request_duration_seconds_bucket`.
    public var name: String
    /// The labels, with escapes (`\\`, `\"`, `\n`) already resolved.
    public var labels: [String: String]
    /// The sample value; may be `+Inf`, `-Inf` or NaN.
    public var value: Double

    /// Creates a sample.
    public init(name: String, labels: [String: String], value: Double) {
        self.name = name
        self.labels = labels
        self.value = value
    }
}
