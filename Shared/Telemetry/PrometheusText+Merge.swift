extension PrometheusText {
    /// Merges documents so each metric family appears once: its `# HELP`/`# TYPE` lines once (the first seen), then
    /// every sample of that family from every document, in document order.
    ///
    /// A histogram's `_bucket`/`_sum`/`_count` samples and a summary's `_sum`/`_count` samples belong to its
    /// family. Families keep first-seen order. Blank lines and comments other than HELP/TYPE are dropped; the result
    /// ends with `"\n"` (it is empty if there is nothing to keep). Lines are not validated and samples are not
    /// de-duplicated: give each process its own labels (such as `service`), and use ``parse(_:)`` to check the result.
    public static func merge(_ documents: [String]) -> String {
        var merger = DocumentMerger()
        for document in documents {
            merger.add(document)
        }
        return merger.text
    }
}

/// Collects the lines of several documents family by family for ``PrometheusText/merge(_:)``.
private struct DocumentMerger {
    private struct Family {
        var help: Substring?
        var type: Substring?
        var samples: [Substring] = []
    }

    private var order: [String] = []
    private var families: [String: Family] = [:]
    private var types: [String: String] = [:]

    /// Adds every line of `document`.
    mutating func add(_ document: String) {
        for line in TextLines.split(document) where !TextLines.isBlank(line) {
            if line.drop(while: { $0 == " " || $0 == "\t" }).first == "#" {
                self.addComment(line)
            } else {
                let family = MetricFamilies.family(ofSample: Self.metricName(of: line)) { name in
                    self.types[name] ?? (self.families[name] == nil ? nil : "untyped")
                }
                self.update(family) { $0.samples.append(line) }
            }
        }
    }

    /// Keeps the first HELP and TYPE line of each family; drops other and malformed comments.
    private mutating func addComment(_ line: Substring) {
        switch try? CommentLine.parse(line) {
        case .help(let family)?:
            self.update(family) { $0.help = $0.help ?? line }
        case .type(let family, let type)?:
            self.types[family] = self.types[family] ?? type
            self.update(family) { $0.type = $0.type ?? line }
        case .other?, nil:
            break
        }
    }

    /// The merged document.
    var text: String {
        var result = ""
        for name in self.order {
            guard let family = self.families[name] else { continue }
            for line in [family.help, family.type].compactMap({ $0 }) + family.samples {
                result += line
                result += "\n"
            }
        }
        return result
    }

    private mutating func update(_ family: String, _ change: (inout Family) -> Void) {
        if self.families[family] == nil {
            self.order.append(family)
        }
        change(&self.families[family, default: Family()])
    }

    /// The leading metric name of a sample line: everything before the first `{`, space or tab.
    private static func metricName(of line: Substring) -> String {
        String(line.drop(while: { $0 == " " || $0 == "\t" }).prefix(while: { $0 != "{" && $0 != " " && $0 != "\t" }))
    }
}
