/// What a recording decoder learned about one value while a type's `init(from:)` ran.
///
/// Records form a tree that mirrors the containers the type asked for; ``shape(typeName:failed:)``
/// turns it into a ``TypeShape`` once decoding has finished or thrown.
final class ShapeValueRecord {
    /// The kind of access the value received; the first kind requested wins.
    enum Content {
        case nothing
        case known(TypeShape)
        case keyed(ShapeKeyedRecord)
        case unkeyed(ShapeUnkeyedRecord)
    }

    /// What has been recorded so far.
    private(set) var content: Content = .nothing

    /// The object name to use for a keyed value; nil means the decoded type's name.
    let name: String?

    init(name: String? = nil) {
        self.name = name
    }

    /// Records a shape read through a single-value container, unless something came first.
    func note(_ shape: TypeShape) {
        if case .nothing = content { content = .known(shape) }
    }

    /// The keyed record to fill; a detached one if the value was already read another way.
    func keyed() -> ShapeKeyedRecord {
        switch content {
        case .keyed(let record):
            return record
        case .nothing:
            let record = ShapeKeyedRecord()
            content = .keyed(record)
            return record
        case .known, .unkeyed:
            return ShapeKeyedRecord()
        }
    }

    /// The unkeyed record to fill; a detached one if the value was already read another way.
    func unkeyed() -> ShapeUnkeyedRecord {
        switch content {
        case .unkeyed(let record):
            return record
        case .nothing:
            let record = ShapeUnkeyedRecord()
            content = .unkeyed(record)
            return record
        case .known, .keyed:
            return ShapeUnkeyedRecord()
        }
    }

    /// The shape recorded; `typeName` names a keyed value without a name of its own, and
    /// `failed` says whether `init(from:)` threw (a value that read nothing is then `.any`).
    func shape(typeName: String, failed: Bool) -> TypeShape {
        let unseen: TypeShape = failed ? .any : .empty
        switch content {
        case .nothing:
            return unseen
        case .known(let shape):
            return shape
        case .unkeyed(let record):
            return .array(record.elementShape)
        case .keyed(let record):
            if let key = record.dynamicKey {
                let value = record.entries.first { $0.name == key }?.value
                return .dictionary(value?.shape(typeName: typeName, failed: failed) ?? .any)
            }
            if record.entries.isEmpty { return unseen }
            let fields = record.entries.map { entry in
                FieldShape(
                    name: entry.name,
                    shape: entry.value.shape(typeName: entry.name, failed: failed),
                    optional: entry.optional
                )
            }
            return .object(name: name ?? typeName, fields: fields)
        }
    }
}

/// The fields a keyed container was asked for, in the order they were first asked for.
final class ShapeKeyedRecord {
    /// One field.
    struct Entry {
        let name: String
        var optional: Bool
        let value: ShapeValueRecord
    }

    /// The key offered by `allKeys` to containers whose keys are free (dictionaries).
    /// "0" is accepted by both `String`- and `Int`-keyed dictionaries, and by no
    /// synthesized `CodingKeys` enum.
    static let dynamicKeyName = "0"

    private(set) var entries: [Entry] = []
    private var probedKeys: Set<String> = []
    /// Set once `allKeys` handed out ``dynamicKeyName``: the value is a dictionary.
    var dynamicKey: String?

    /// Notes that the decoder checked whether `key` is present or null: the field is optional.
    func probe(_ key: String) {
        probedKeys.insert(key)
    }

    /// The record for the field `key`, added if new. The field is optional only if every
    /// access to it was optional (a `decodeIfPresent`, or after `contains`/`decodeNil`).
    func field(_ key: String, optional: Bool, name: String? = nil) -> ShapeValueRecord {
        let isOptional = optional || probedKeys.contains(key)
        if let index = entries.firstIndex(where: { $0.name == key }) {
            entries[index].optional = entries[index].optional && isOptional
            return entries[index].value
        }
        let value = ShapeValueRecord(name: name)
        entries.append(Entry(name: key, optional: isOptional, value: value))
        return value
    }
}

/// The elements an unkeyed container was asked for.
final class ShapeUnkeyedRecord {
    private(set) var elements: [ShapeValueRecord] = []

    /// The record for a new element.
    func element(name: String? = nil) -> ShapeValueRecord {
        let value = ShapeValueRecord(name: name)
        elements.append(value)
        return value
    }

    /// The common shape of the elements: `.any` when none was read or they differ.
    var elementShape: TypeShape {
        let shapes = elements.map { $0.shape(typeName: "", failed: false) }
        guard let first = shapes.first, shapes.allSatisfy({ $0 == first }) else { return .any }
        return first
    }
}
