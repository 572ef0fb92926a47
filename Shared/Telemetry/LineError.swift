/// Why one line is malformed; ``PrometheusText/parse(_:)`` adds the line number and text.
struct LineError: Error {
    /// What is wrong with the line.
    let reason: String

    /// Creates an error with `reason`.
    init(_ reason: String) {
        self.reason = reason
    }
}
