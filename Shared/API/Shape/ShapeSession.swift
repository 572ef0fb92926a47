/// The state of one shape derivation: which types are being described (to cut recursion)
/// and how deep decoding has gone.
///
/// Every nested `decode` of the recording decoder comes here, both to learn the nested
/// type's shape and to obtain a value of it, since the enclosing `init(from:)` needs one
/// to carry on.
final class ShapeSession {
    /// A nested type's shape and the placeholder value (or error) its decoding produced.
    struct Outcome<Value> {
        var shape: TypeShape
        var value: Result<Value, any Error>
    }

    /// Deeper than this, decoding gives up: only a type that requires itself non-optionally
    /// (which no finite JSON can satisfy) gets this far.
    static let maximumDepth = 64

    private var inProgress: [ObjectIdentifier] = []
    private var depth = 0

    /// Describes `type` by running its `init(from:)` against a recording decoder, and
    /// returns the value it built (a placeholder) for the caller to continue with.
    func describe<T: Decodable>(_ type: T.Type, codingPath: [any CodingKey]) -> Outcome<T> {
        let name = String(describing: T.self)
        if let leaf = T.self as? any ShapeLeaf.Type {
            var value = sampleResult(T.self, codingPath: codingPath)
            if case .failure = value, depth < Self.maximumDepth {
                // A leaf that rejects null gets the recording decoder's non-null answers.
                depth += 1
                defer { depth -= 1 }
                let decoder = ShapeDecoder(session: self, record: ShapeValueRecord(), codingPath: codingPath)
                value = Result { try T(from: decoder) }
            }
            return Outcome(shape: leaf.leafShape, value: value)
        }
        if let known = ShapePlaceholders.foundationValue(T.self) {
            return Outcome(shape: known.shape, value: .success(known.value))
        }
        if let cases = ShapePlaceholders.enumerationCases(of: T.self) {
            return Outcome(
                shape: .enumeration(name: name, cases: cases),
                value: sampleResult(T.self, codingPath: codingPath)
            )
        }
        let identifier = ObjectIdentifier(T.self)
        if inProgress.contains(identifier) {
            return Outcome(
                shape: .object(name: name, fields: []),
                value: sampleResult(T.self, codingPath: codingPath)
            )
        }
        guard depth < Self.maximumDepth else {
            return Outcome(shape: .any, value: .failure(tooDeep(codingPath)))
        }
        inProgress.append(identifier)
        depth += 1
        defer {
            inProgress.removeLast()
            depth -= 1
        }

        let record = ShapeValueRecord()
        let decoder = ShapeDecoder(session: self, record: record, codingPath: codingPath)
        var value = Result<T, any Error> { try T(from: decoder) }
        var failed = false
        if case .failure = value {
            // Keep what was recorded, but give the caller a value if one can be had, so that
            // the enclosing type goes on reading its remaining fields.
            failed = true
            if let first = ShapePlaceholders.firstCase(of: T.self) {
                value = .success(first)
            } else if let sampled = try? sample(T.self, codingPath: codingPath) {
                value = .success(sampled)
            }
        }
        let shape = record.shape(typeName: name, failed: failed)
        return Outcome(shape: Self.documented(shape, by: T.self), value: value)
    }

    /// Builds a small value of `type` without recording anything: containers are empty,
    /// optionals absent, strings the first enumeration case when there is one.
    func sample<T: Decodable>(_ type: T.Type, codingPath: [any CodingKey]) throws -> T {
        if let known = ShapePlaceholders.foundationValue(T.self) { return known.value }
        if let first = ShapePlaceholders.firstCase(of: T.self) { return first }
        guard depth < Self.maximumDepth else { throw tooDeep(codingPath) }
        depth += 1
        defer { depth -= 1 }
        let seed = ShapePlaceholders.enumerationCases(of: T.self)?.first
        let decoder = ShapeDecoder(session: self, record: nil, codingPath: codingPath, seed: seed)
        return try T(from: decoder)
    }

    private func sampleResult<T: Decodable>(_ type: T.Type, codingPath: [any CodingKey]) -> Result<T, any Error> {
        Result { try sample(T.self, codingPath: codingPath) }
    }

    private func tooDeep(_ codingPath: [any CodingKey]) -> DecodingError {
        DecodingError.dataCorrupted(.init(
            codingPath: codingPath,
            debugDescription: "Shape derivation nested deeper than \(Self.maximumDepth) levels."
        ))
    }

    /// Attaches the field docs of a ``ShapeDocumented`` type to its object shape.
    private static func documented<T>(_ shape: TypeShape, by type: T.Type) -> TypeShape {
        guard let documented = T.self as? any ShapeDocumented.Type,
              case .object(let name, var fields) = shape
        else { return shape }
        let docs = documented.fieldDocs
        for index in fields.indices {
            if let doc = docs[fields[index].name] { fields[index].doc = doc }
        }
        return .object(name: name, fields: fields)
    }
}
