/// Prometheus text documents: merging several processes' documents into one, and reading one back.
///
/// The format is the Prometheus text exposition format 0.0.4. See ``merge(_:)`` and ``parse(_:)``.
public enum PrometheusText {}
