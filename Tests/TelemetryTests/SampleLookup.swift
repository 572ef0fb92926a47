import NQ57Telemetry

/// Test helpers for finding samples in a parsed document.
extension [PrometheusSample] {
    /// The value of the one sample named `name` whose labels are exactly `labels`, or nil if there is none.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        let matches = self.filter { $0.name == name && $0.labels == labels }
        precondition(matches.count <= 1, "several samples \(name) \(labels)")
        return matches.first?.value
    }

    /// All samples named `name`.
    func named(_ name: String) -> [PrometheusSample] {
        self.filter { $0.name == name }
    }
}
