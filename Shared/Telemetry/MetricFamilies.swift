/// Which metric family a sample belongs to, from the family types declared by `# TYPE` lines.
enum MetricFamilies {
    /// The metric types allowed on a `# TYPE` line.
    static let types: Set<String> = ["counter", "gauge", "histogram", "summary", "untyped"]

    /// The family of a sample named `sampleName`: the name itself if it is a known family, else the base name of a
    /// histogram's `_bucket`/`_sum`/`_count` or a summary's `_sum`/`_count` sample, else the name itself.
    ///
    /// - Parameter typeOf: The declared type of a family name, or `nil` if none is known.
    static func family(ofSample sampleName: String, typeOf: (String) -> String?) -> String {
        if typeOf(sampleName) != nil {
            return sampleName
        }
        for suffix in ["_bucket", "_sum", "_count"] where sampleName.hasSuffix(suffix) {
            let base = String(sampleName.dropLast(suffix.count))
            switch typeOf(base) {
            case "histogram":
                return base
            case "summary" where suffix != "_bucket":
                return base
            default:
                continue
            }
        }
        return sampleName
    }

    /// The sample names that belong to a family `name` of type `type`.
    static func sampleNames(ofFamily name: String, type: String) -> [String] {
        switch type {
        case "histogram":
            return [name + "_bucket", name + "_sum", name + "_count"]
        case "summary":
            return [name, name + "_sum", name + "_count"]
        default:
            return [name]
        }
    }
}
