/// A metric family as a document declares it: its `# HELP` text, its `# TYPE` and how many samples it has.
public struct PrometheusFamily: Sendable, Equatable {
    /// The family name (a histogram's, without `_bucket`/`_sum`/`_count`).
    public var name: String
    /// The text of its `# HELP` line, or nil without one.
    public var help: String?
    /// The type on its `# TYPE` line, or nil without one.
    public var type: String?
    /// How many sample lines belong to it.
    public var samples: Int

    /// Creates a family.
    public init(name: String, help: String?, type: String?, samples: Int) {
        self.name = name
        self.help = help
        self.type = type
        self.samples = samples
    }
}

extension PrometheusText {
    /// The families of a document in first-seen order, whether declared by `# HELP`/`# TYPE` lines or only by
    /// samples; the lines are checked as ``parse(_:)`` checks them.
    ///
    /// - Throws: ``PrometheusParseError`` for the first malformed line.
    public static func families(_ text: String) throws -> [PrometheusFamily] {
        _ = try parse(text)
        var order: [String] = []
        var families: [String: PrometheusFamily] = [:]
        func touch(_ name: String, _ change: (inout PrometheusFamily) -> Void) {
            if families[name] == nil {
                order.append(name)
                families[name] = PrometheusFamily(name: name, help: nil, type: nil, samples: 0)
            }
            change(&families[name]!)
        }
        for line in TextLines.split(text) where !TextLines.isBlank(line) {
            switch try? CommentLine.parse(line) {
            case .help(let name)?:
                touch(name) { $0.help = helpText(of: line) }
            case .type(let name, let type)?:
                touch(name) { $0.type = type }
            case .other?:
                break
            case nil:
                guard let sample = try? SampleLineParser.parse(line) else { continue }
                let family = MetricFamilies.family(ofSample: sample.name) { families[$0]?.type ?? (families[$0] == nil ? nil : "untyped") }
                touch(family) { $0.samples += 1 }
            }
        }
        return order.compactMap { families[$0] }
    }

    /// What follows `# HELP name ` on a HELP line, trimmed.
    private static func helpText(of line: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let afterHash = line.drop(while: isBlank).dropFirst()
        let parts = afterHash.split(maxSplits: 2, omittingEmptySubsequences: true, whereSeparator: isBlank)
        return parts.count == 3 ? String(parts[2]).trimmingBlanks() : ""
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(self.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
