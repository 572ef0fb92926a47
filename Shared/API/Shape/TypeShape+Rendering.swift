/// A human-readable rendering in the spirit of varlink's interface language, for the CLI.
extension TypeShape {
    /// Renders the shape as text.
    ///
    /// `indent` is the nesting level (two spaces each) of the line the rendering starts on;
    /// the first line itself is not indented, continuation lines are. Primitives render as
    /// `string`, `integer`, `number`, `bool`, `date`, `any`; `.empty` as `{}`; arrays as
    /// `[]T`; dictionaries as `[string]T`; enumerations as `enum Name (a, b)`; a recursion
    /// reference as `object Name`; an object as
    ///
    ///     object HealthResult {
    ///       status: string  # one-line doc
    ///       note?: string
    ///     }
    ///
    /// with `?` marking optional fields and `# doc` the field docs.
    public func rendered(indent: Int = 0) -> String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .bool: return "bool"
        case .date: return "date"
        case .any: return "any"
        case .empty: return "{}"
        case .array(let element): return "[]" + element.rendered(indent: indent)
        case .dictionary(let value): return "[string]" + value.rendered(indent: indent)
        case .enumeration(let name, let cases): return "enum \(name) (\(cases.joined(separator: ", ")))"
        case .object(let name, let fields):
            guard !fields.isEmpty else { return "object \(name)" }
            let inner = String(repeating: "  ", count: indent + 1)
            var lines = ["object \(name) {"]
            for field in fields {
                var line = inner + field.name + (field.optional ? "?" : "") + ": "
                let value = field.shape.rendered(indent: indent + 1)
                if let doc = field.doc {
                    let firstBreak = value.firstIndex(of: "\n") ?? value.endIndex
                    line += value[..<firstBreak] + "  # " + doc + value[firstBreak...]
                } else {
                    line += value
                }
                lines.append(line)
            }
            lines.append(String(repeating: "  ", count: indent) + "}")
            return lines.joined(separator: "\n")
        }
    }
}
