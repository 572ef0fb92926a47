/// A malformed line in a Prometheus text document, reported by ``PrometheusText/parse(_:)``.
public struct PrometheusParseError: Error, Sendable, CustomStringConvertible {
    /// The 1-based number of the offending line.
    public var line: Int
    /// The offending line, without its line feed.
    public var text: String
    /// What is wrong with the line.
    public var reason: String

    /// Creates an error for line number `line` with content `text`.
    public init(line: Int, text: String, reason: String) {
        self.line = line
        self.text = text
        self.reason = reason
    }

    /// `line N: reason: text`.
    public var description: String {
        "line \(self.line): \(self.reason): \(self.text)"
    }
}
