/// A line starting with `#`: a `# HELP name text` or `# TYPE name type` line, or any other comment.
enum CommentLine: Equatable {
    /// `# HELP name text`.
    case help(family: String)
    /// `# TYPE name type`.
    case type(family: String, type: String)
    /// Any other comment, which carries no meaning.
    case other

    /// Reads a line that begins with `#` after optional blanks; `nil` if it does not.
    ///
    /// - Throws: ``LineError`` for a HELP line without a valid metric name, or a TYPE line without a valid metric
    ///   name or with an unknown type.
    static func parse(_ line: Substring) throws(LineError) -> CommentLine? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.first == "#" else { return nil }
        let tokens = trimmed.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let keyword = tokens.first, keyword == "HELP" || keyword == "TYPE" else { return .other }
        guard tokens.count >= 2, Bytes.isMetricName(tokens[1]) else {
            throw LineError("\(keyword) line without a valid metric name")
        }
        let family = String(tokens[1])
        guard keyword == "TYPE" else { return .help(family: family) }
        guard tokens.count == 3, MetricFamilies.types.contains(String(tokens[2])) else {
            throw LineError("TYPE line for '\(family)' needs one of counter, gauge, histogram, summary, untyped")
        }
        return .type(family: family, type: String(tokens[2]))
    }
}
