extension PrometheusText {
    /// Parses a document into samples, in document order.
    ///
    /// A sample line must be `name{label="value",...} number` or `name number`, optionally followed by an integer
    /// timestamp (checked, then dropped). Label values may use the escapes `\\`, `\"` and `\n`; the number may be
    /// `+Inf`, `-Inf` or `NaN`. Blank lines and comments other than `# HELP`/`# TYPE` are ignored. A family's
    /// `# TYPE` line must come before its samples (a histogram's `_bucket`/`_sum`/`_count` samples and a summary's
    /// `_sum`/`_count` samples belong to its family) and may appear at most once; so may its `# HELP` line.
    ///
    /// - Throws: ``PrometheusParseError`` with the number and text of the first malformed line.
    public static func parse(_ text: String) throws -> [PrometheusSample] {
        var state = ParseState()
        for (offset, line) in TextLines.split(text).enumerated() where !TextLines.isBlank(line) {
            do throws(LineError) {
                try state.read(line)
            } catch {
                throw PrometheusParseError(line: offset + 1, text: String(line), reason: error.reason)
            }
        }
        return state.samples
    }
}

/// What ``PrometheusText/parse(_:)`` has read so far.
private struct ParseState {
    private(set) var samples: [PrometheusSample] = []
    private var types: [String: String] = [:]
    private var helped: Set<String> = []
    private var sampledNames: Set<String> = []

    /// Reads one non-blank line.
    mutating func read(_ line: Substring) throws(LineError) {
        switch try CommentLine.parse(line) {
        case .help(let family)?:
            guard self.helped.insert(family).inserted else {
                throw LineError("duplicate HELP line for '\(family)'")
            }
        case .type(let family, let type)?:
            guard self.types[family] == nil else {
                throw LineError("duplicate TYPE line for '\(family)'")
            }
            let names = MetricFamilies.sampleNames(ofFamily: family, type: type)
            guard !names.contains(where: self.sampledNames.contains) else {
                throw LineError("TYPE line for '\(family)' after its samples")
            }
            self.types[family] = type
        case .other?:
            break
        case nil:
            let sample = try SampleLineParser.parse(line)
            self.sampledNames.insert(sample.name)
            self.samples.append(sample)
        }
    }
}
