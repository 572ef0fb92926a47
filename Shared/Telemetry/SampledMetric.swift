/// One figure read at the moment the metrics are read (a process figure from `/proc/self`, or a service's domain
/// gauge such as red flags open), with what the Prometheus text needs to show it.
public struct SampledMetric: Sendable, Equatable {
    /// The family type written on its `# TYPE` line.
    public enum Kind: String, Sendable {
        /// A value that goes up and down.
        case gauge
        /// A total that only grows while the process lives (such as CPU seconds).
        case counter
    }

    /// The family name, e.g. `process_open_fds`.
    public var name: String
    /// The `# HELP` text: what the figure counts, in one English line.
    public var help: String
    /// The family type.
    public var kind: Kind
    /// The value now.
    public var value: Double

    /// Creates a figure.
    public init(name: String, help: String, kind: Kind = .gauge, value: Double) {
        self.name = name
        self.help = help
        self.kind = kind
        self.value = value
    }

    /// A domain gauge of this figure's family with another value: the family's name, help and type stay together.
    public func with(value: Double) -> SampledMetric {
        var copy = self
        copy.value = value
        return copy
    }

    /// `metrics` as Prometheus text 0.0.4: for each family its `# HELP` and `# TYPE` lines, then one sample labelled
    /// `service="…"`. Help texts and label values are escaped; figures of one name after the first are dropped.
    public static func exposition(_ metrics: [SampledMetric], service: String) -> String {
        var seen: Set<String> = []
        var text = ""
        for metric in metrics where seen.insert(metric.name).inserted {
            text += "# HELP \(metric.name) \(escapedHelp(metric.help))\n"
            text += "# TYPE \(metric.name) \(metric.kind.rawValue)\n"
            text += "\(metric.name){service=\"\(escapedLabel(service))\"} \(formatted(metric.value))\n"
        }
        return text
    }

    /// A value as the text format writes it: whole numbers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func formatted(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func escapedHelp(_ text: String) -> String {
        text.replacingBackslashes().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }

    private static func escapedLabel(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    /// Every `\` doubled.
    fileprivate func replacingBackslashes() -> String {
        var result = ""
        for character in self {
            if character == "\\" { result += "\\\\" } else { result.append(character) }
        }
        return result
    }
}
