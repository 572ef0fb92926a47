/// The families of the services' domain gauges, named and explained once so every service that reports one
/// reports it alike (the gateway's merged document keeps one HELP line per family; `service` tells them apart).
public enum DomainGauges {
    /// Red flags open today (tasks: per task; metrics: per indicator and unit).
    public static let redFlagsOpen = SampledMetric(
        name: "nq57_red_flags_open", help: "Red flags open today, as the service's flag rules compute them.", value: 0)
    /// Claims or reported values submitted and waiting for a reviewer's decision.
    public static let reviewsWaiting = SampledMetric(
        name: "nq57_reviews_waiting", help: "Submitted claims or reported values waiting for a review decision.", value: 0)
    /// Bytes of evidence the evidence service holds (each stored file once, as recorded).
    public static let evidenceBytes = SampledMetric(
        name: "nq57_evidence_stored_bytes", help: "Bytes of evidence files recorded by the evidence service.", value: 0)
    /// Evidence files the evidence service holds.
    public static let evidenceFiles = SampledMetric(
        name: "nq57_evidence_stored_files", help: "Evidence files recorded by the evidence service.", value: 0)
    /// Whether the service could read its domain gauges the last time the metrics were read.
    public static let up = SampledMetric(
        name: "nq57_domain_gauges_up", help: "1 if the service read its domain gauges for this scrape, 0 if reading them failed.",
        value: 0)
}
