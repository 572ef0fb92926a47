import Foundation
import Testing
@testable import NQ57API

// MARK: - Fixtures

/// Types whose shapes are derived; nested so their names cannot clash with other tests.
/// (`String(describing:)` of a nested type is its own name, so shapes say `Item`, not `ShapeFixtures.Item`.)
private enum ShapeFixtures {
    struct Scalars: Decodable {
        var text: String
        var int: Int
        var int8: Int8
        var int16: Int16
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint8: UInt8
        var uint16: UInt16
        var uint32: UInt32
        var uint64: UInt64
        var int128: Int128
        var uint128: UInt128
        var double: Double
        var float: Float
        var flag: Bool
    }

    struct Optionals: Decodable {
        var required: String
        var maybe: String?
        var maybeCount: Int?
        var maybeList: [String]?
    }

    struct Renamed: Decodable {
        var userID: String
        var displayName: String
        var ignoredOrder: Int

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case displayName = "name"
            case ignoredOrder
        }
    }

    enum Priority: String, Decodable, CaseIterable, ShapeEnumerable {
        case low, normal, high = "urgent"
    }

    enum Channel: String, Decodable, CaseIterable {
        case email, sms
    }

    /// An enumeration that is not CaseIterable: its cases come from `shapeCases`, and its
    /// init(from:) rejects anything else, so the recorder must feed it a valid string.
    struct Region: Decodable, ShapeEnumerable {
        static let shapeCases = ["north", "south"]
        var value: String

        init(from decoder: any Decoder) throws {
            value = try decoder.singleValueContainer().decode(String.self)
            guard Self.shapeCases.contains(value) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad region"))
            }
        }
    }

    struct Ticket: Decodable {
        var priority: Priority
        var channel: Channel
        var region: Region
        var note: String
    }

    struct Item: Decodable {
        var sku: String
        var quantity: Int
    }

    struct Order: Decodable {
        var items: [Item]
        var batches: [[Item]]
        var tags: Set<String>
    }

    struct Maps: Decodable {
        var counts: [String: Int]
        var items: [String: Item]
        var byNumber: [Int: String]
        var nested: [String: [Double]]
    }

    struct Stamps: Decodable {
        var at: Date
        var id: UUID
        var link: URL
        var blob: Data
        var amount: Decimal
    }

    struct TreeNode: Decodable {
        var label: String
        var children: [TreeNode]
    }

    final class Person: Decodable {
        let name: String
        let manager: Person?
    }

    struct Department: Decodable {
        var title: String
        var staff: [Employee]
    }

    struct Employee: Decodable {
        var name: String
        var department: Department?
    }

    struct Validated: Decodable {
        var first: String
        var second: Int
        var never: Bool

        private enum CodingKeys: String, CodingKey { case first, second, never }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            first = try container.decode(String.self, forKey: .first)
            second = try container.decode(Int.self, forKey: .second)
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "always rejects"))
        }
    }

    struct AfterFailure: Decodable {
        var before: String
        var broken: Validated
        var after: Int
    }

    struct Health: Decodable, ShapeDocumented {
        var status: String
        var uptimeSeconds: Double
        var note: String?

        static let fieldDocs = ["status": "ok or degraded", "note": "why, when degraded"]
    }

    struct Nothing: Decodable {}

    struct Anything: Decodable, ShapeLeaf {
        static let leafShape = TypeShape.any

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { return }
            _ = try container.decode(String.self)
        }
    }

    struct Envelope: Decodable {
        var method: String
        var params: Anything
    }

    /// A leaf that rejects `null`, so its placeholder must come from non-null answers.
    struct Strict: Decodable, ShapeLeaf {
        static let leafShape = TypeShape.string
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            guard !container.decodeNil() else {
                throw DecodingError.valueNotFound(Strict.self, .init(codingPath: [], debugDescription: "null"))
            }
            _ = try container.decode(String.self)
        }
    }

    struct UsesStrict: Decodable {
        var strict: Strict
        var afterwards: Bool
    }

    enum Color: String, Decodable, CodingKeyRepresentable {
        case red
    }

    struct Palette: Decodable {
        var weights: [Color: Double]
        var name: String
    }

    /// Like `MethodDescription`: shapes inside a type, followed by another field.
    struct MethodLike: Decodable {
        var params: TypeShape
        var result: TypeShape
        var bulk: Bool
    }

    struct Token: Decodable {
        var raw: String
        init(from decoder: any Decoder) throws {
            raw = try decoder.singleValueContainer().decode(String.self)
        }
    }

    struct Checked: Decodable {
        var always: Int
        var sometimes: String
        var nullable: Bool

        private enum CodingKeys: String, CodingKey { case always, sometimes, nullable }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            always = try container.decode(Int.self, forKey: .always)
            sometimes = container.contains(.sometimes) ? try container.decode(String.self, forKey: .sometimes) : ""
            nullable = try container.decodeNil(forKey: .nullable) ? false : try container.decode(Bool.self, forKey: .nullable)
        }
    }

    struct Flattened: Decodable {
        var city: String
        var zip: String

        private enum OuterKeys: String, CodingKey { case address }
        private enum AddressKeys: String, CodingKey { case city, zip }

        init(from decoder: any Decoder) throws {
            let outer = try decoder.container(keyedBy: OuterKeys.self)
            let address = try outer.nestedContainer(keyedBy: AddressKeys.self, forKey: .address)
            city = try address.decode(String.self, forKey: .city)
            zip = try address.decode(String.self, forKey: .zip)
        }
    }

    struct Point: Decodable {
        var x: Double
        var y: Double
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            x = try container.decode(Double.self)
            y = try container.decode(Double.self)
        }
    }

    struct Mixed: Decodable {
        var name: String
        var age: Int
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            name = try container.decode(String.self)
            age = try container.decode(Int.self)
        }
    }

    struct Page<Element: Decodable>: Decodable {
        var entries: [Element]
        var next: String?
    }

    enum Level: Int, Decodable, CaseIterable {
        case debug = 10, info = 20
    }

    enum Payload: Decodable {
        case text(String)
        case number(Int)
    }

    struct Impossible: Decodable {
        var inner: Box
        final class Box: Decodable {
            let again: Box
        }
    }
}

// MARK: - Helpers

private func field(_ name: String, _ shape: TypeShape, optional: Bool = false, doc: String? = nil) -> FieldShape {
    FieldShape(name: name, shape: shape, optional: optional, doc: doc)
}

private func fields(of shape: TypeShape) -> [FieldShape] {
    if case .object(_, let fields) = shape { return fields }
    Issue.record("expected an object, got \(shape)")
    return []
}

// MARK: - Tests

@Suite("TypeShape derivation")
struct TypeShapeDerivationTests {
    @Test func scalarsMapToTheirJSONKinds() {
        #expect(TypeShape.of(ShapeFixtures.Scalars.self) == .object(name: "Scalars", fields: [
            field("text", .string),
            field("int", .integer), field("int8", .integer), field("int16", .integer),
            field("int32", .integer), field("int64", .integer),
            field("uint", .integer), field("uint8", .integer), field("uint16", .integer),
            field("uint32", .integer), field("uint64", .integer),
            field("int128", .integer), field("uint128", .integer),
            field("double", .number), field("float", .number),
            field("flag", .bool),
        ]))
    }

    @Test func topLevelPrimitivesAndCollections() {
        #expect(TypeShape.of(String.self) == .string)
        #expect(TypeShape.of(Int64.self) == .integer)
        #expect(TypeShape.of(Bool.self) == .bool)
        #expect(TypeShape.of([Int].self) == .array(.integer))
        #expect(TypeShape.of([String: Bool].self) == .dictionary(.bool))
        #expect(TypeShape.of(Int?.self) == .integer)
    }

    @Test func optionalFieldsAreMarkedAndRequiredOnesAreNot() {
        #expect(fields(of: TypeShape.of(ShapeFixtures.Optionals.self)) == [
            field("required", .string),
            field("maybe", .string, optional: true),
            field("maybeCount", .integer, optional: true),
            field("maybeList", .array(.string), optional: true),
        ])
    }

    @Test func renamedCodingKeysGiveTheWireNames() {
        #expect(TypeShape.of(ShapeFixtures.Renamed.self) == .object(name: "Renamed", fields: [
            field("user_id", .string),
            field("name", .string),
            field("ignoredOrder", .integer),
        ]))
    }

    @Test func enumerationsListTheirCases() {
        #expect(fields(of: TypeShape.of(ShapeFixtures.Ticket.self)) == [
            field("priority", .enumeration(name: "Priority", cases: ["low", "normal", "urgent"])),
            field("channel", .enumeration(name: "Channel", cases: ["email", "sms"])),
            field("region", .enumeration(name: "Region", cases: ["north", "south"])),
            field("note", .string),
        ])
        #expect(ShapeFixtures.Priority.shapeCases == ["low", "normal", "urgent"])
    }

    @Test func intBackedEnumerationsAreIntegers() {
        #expect(TypeShape.of(ShapeFixtures.Level.self) == .integer)
    }

    @Test func arraysOfObjectsNestedArraysAndSets() {
        let item = TypeShape.object(name: "Item", fields: [field("sku", .string), field("quantity", .integer)])
        #expect(TypeShape.of(ShapeFixtures.Order.self) == .object(name: "Order", fields: [
            field("items", .array(item)),
            field("batches", .array(.array(item))),
            field("tags", .array(.string)),
        ]))
    }

    @Test func dictionariesKeyedByStringsAndIntegers() {
        let item = TypeShape.object(name: "Item", fields: [field("sku", .string), field("quantity", .integer)])
        #expect(fields(of: TypeShape.of(ShapeFixtures.Maps.self)) == [
            field("counts", .dictionary(.integer)),
            field("items", .dictionary(item)),
            field("byNumber", .dictionary(.string)),
            field("nested", .dictionary(.array(.number))),
        ])
    }

    @Test func foundationTypesUseTheirJSONForms() {
        #expect(fields(of: TypeShape.of(ShapeFixtures.Stamps.self)) == [
            field("at", .date),
            field("id", .string),
            field("link", .string),
            field("blob", .string),
            field("amount", .number),
        ])
    }

    @Test func selfContainingTypeTerminatesWithAReference() {
        #expect(TypeShape.of(ShapeFixtures.TreeNode.self) == .object(name: "TreeNode", fields: [
            field("label", .string),
            field("children", .array(.object(name: "TreeNode", fields: []))),
        ]))
        #expect(TypeShape.of(ShapeFixtures.Person.self) == .object(name: "Person", fields: [
            field("name", .string),
            field("manager", .object(name: "Person", fields: []), optional: true),
        ]))
    }

    @Test func mutuallyRecursiveTypesTerminate() {
        #expect(TypeShape.of(ShapeFixtures.Department.self) == .object(name: "Department", fields: [
            field("title", .string),
            field("staff", .array(.object(name: "Employee", fields: [
                field("name", .string),
                field("department", .object(name: "Department", fields: []), optional: true),
            ]))),
        ]))
    }

    @Test func recursionIsCutPerPathNotPerType() {
        // The same type twice side by side is described twice, not turned into a reference.
        struct Pair: Decodable { var left: ShapeFixtures.Item; var right: ShapeFixtures.Item }
        let item = TypeShape.object(name: "Item", fields: [field("sku", .string), field("quantity", .integer)])
        #expect(fields(of: TypeShape.of(Pair.self)) == [field("left", item), field("right", item)])
    }

    @Test func aThrowingInitKeepsWhatItRead() {
        let validated = TypeShape.object(name: "Validated", fields: [field("first", .string), field("second", .integer)])
        #expect(TypeShape.of(ShapeFixtures.Validated.self) == validated)
        // The parent cannot go on without a value: fields after the failure are not seen.
        #expect(TypeShape.of(ShapeFixtures.AfterFailure.self) == .object(name: "AfterFailure", fields: [
            field("before", .string),
            field("broken", validated),
        ]))
    }

    @Test func docsAttachByFieldName() {
        #expect(TypeShape.of(ShapeFixtures.Health.self) == .object(name: "Health", fields: [
            field("status", .string, doc: "ok or degraded"),
            field("uptimeSeconds", .number),
            field("note", .string, optional: true, doc: "why, when degraded"),
        ]))
    }

    @Test func emptyStructIsEmpty() {
        #expect(TypeShape.of(ShapeFixtures.Nothing.self) == .empty)
    }

    @Test func leafTypesDescribeThemselves() {
        #expect(TypeShape.of(ShapeFixtures.Anything.self) == .any)
        #expect(TypeShape.of(ShapeFixtures.Envelope.self) == .object(name: "Envelope", fields: [
            field("method", .string),
            field("params", .any),
        ]))
    }

    @Test func leavesThatRejectNullStillYieldAValue() {
        #expect(fields(of: TypeShape.of(ShapeFixtures.UsesStrict.self)) == [field("strict", .string), field("afterwards", .bool)])
    }

    @Test func aNestedFailureThatCanBeSampledLetsTheParentGoOn() {
        // The enum key rejects the placeholder key, so the value shape is unseen; an empty
        // dictionary is still a valid placeholder and `name` is recorded.
        #expect(fields(of: TypeShape.of(ShapeFixtures.Palette.self)) == [
            field("weights", .dictionary(.any)),
            field("name", .string),
        ])
    }

    @Test func shapesDescribeTheirOwnWireForm() {
        let shape = TypeShape.of(TypeShape.self)
        #expect(shape == TypeShape.leafShape)
        #expect(fields(of: shape).map(\.name) == ["kind", "element", "value", "name", "fields", "cases"])
        #expect(fields(of: shape).first?.shape == .enumeration(name: "Kind", cases: [
            "string", "integer", "number", "bool", "date", "array", "dictionary", "object", "enumeration", "any", "empty",
        ]))
        #expect(fields(of: TypeShape.of(ShapeFixtures.MethodLike.self)) == [
            field("params", TypeShape.leafShape),
            field("result", TypeShape.leafShape),
            field("bulk", .bool),
        ])
    }

    @Test func singleValueWrappersTakeTheWrappedShape() {
        #expect(TypeShape.of(ShapeFixtures.Token.self) == .string)
        #expect(TypeShape.of([ShapeFixtures.Token].self) == .array(.string))
    }

    @Test func presenceChecksInCustomInitsMakeFieldsOptional() {
        #expect(fields(of: TypeShape.of(ShapeFixtures.Checked.self)) == [
            field("always", .integer),
            field("sometimes", .string, optional: true),
            field("nullable", .bool, optional: true),
        ])
    }

    @Test func nestedKeyedContainersBecomeNestedObjects() {
        #expect(TypeShape.of(ShapeFixtures.Flattened.self) == .object(name: "Flattened", fields: [
            field("address", .object(name: "AddressKeys", fields: [field("city", .string), field("zip", .string)])),
        ]))
    }

    @Test func positionalArraysKeepACommonElementShapeOrBecomeAny() {
        #expect(TypeShape.of(ShapeFixtures.Point.self) == .array(.number))
        #expect(TypeShape.of(ShapeFixtures.Mixed.self) == .array(.any))
    }

    @Test func genericTypesAreNamedWithTheirArguments() {
        #expect(TypeShape.of(ShapeFixtures.Page<ShapeFixtures.Item>.self) == .object(name: "Page<Item>", fields: [
            field("entries", .array(.object(name: "Item", fields: [field("sku", .string), field("quantity", .integer)]))),
            field("next", .string, optional: true),
        ]))
    }

    @Test func enumsWithAssociatedValuesAreNotSeen() {
        // Known limit: the synthesized init rejects a container without exactly one key.
        #expect(TypeShape.of(ShapeFixtures.Payload.self) == .any)
    }

    @Test func typesThatRequireThemselvesStop() {
        let shape = TypeShape.of(ShapeFixtures.Impossible.self)
        #expect(shape == .object(name: "Impossible", fields: [
            field("inner", .object(name: "Box", fields: [field("again", .object(name: "Box", fields: []))])),
        ]))
    }
}

@Suite("TypeShape rendering and wire form")
struct TypeShapeRenderingTests {
    @Test func rendersASmallTypeExactly() {
        let expected = """
            object Health {
              status: string  # ok or degraded
              uptimeSeconds: number
              note?: string  # why, when degraded
            }
            """
        #expect(TypeShape.of(ShapeFixtures.Health.self).rendered() == expected)
    }

    @Test func rendersNestedShapesWithIndentation() {
        let shape = TypeShape.object(name: "Outer", fields: [
            field("items", .array(.object(name: "Item", fields: [field("sku", .string)])), doc: "the lines"),
            field("counts", .dictionary(.integer)),
            field("level", .enumeration(name: "Level", cases: ["low", "high"]), optional: true),
            field("parent", .object(name: "Outer", fields: [])),
            field("extra", .any),
            field("at", .date),
            field("flag", .bool),
            field("meta", .empty),
        ])
        let expected = """
            object Outer {
              items: []object Item {  # the lines
                sku: string
              }
              counts: [string]integer
              level?: enum Level (low, high)
              parent: object Outer
              extra: any
              at: date
              flag: bool
              meta: {}
            }
            """
        #expect(shape.rendered() == expected)
        #expect(shape.rendered(indent: 1).hasSuffix("\n  }"))
    }

    @Test func wireFormIsFlatAndRoundTrips() throws {
        let shape = TypeShape.of(ShapeFixtures.Department.self)
        let data = try JSONEncoder().encode(shape)
        #expect(try JSONDecoder().decode(TypeShape.self, from: data) == shape)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(TypeShape.array(.integer)), as: UTF8.self)
        #expect(text == #"{"element":{"kind":"integer"},"kind":"array"}"#)

        let parsed = try JSONDecoder().decode(TypeShape.self, from: Data(#"""
            {"kind":"object","name":"T","fields":[{"name":"a","shape":{"kind":"enumeration","name":"E","cases":["x"]},"optional":true}]}
            """#.utf8))
        #expect(parsed == .object(name: "T", fields: [field("a", .enumeration(name: "E", cases: ["x"]), optional: true)]))
    }

    @Test func everyKindRoundTrips() throws {
        let all: [TypeShape] = [
            .string, .integer, .number, .bool, .date, .any, .empty,
            .array(.string), .dictionary(.number),
            .object(name: "O", fields: [field("f", .bool, optional: true, doc: "d")]),
            .enumeration(name: "E", cases: ["a", "b"]),
        ]
        let data = try JSONEncoder().encode(all)
        #expect(try JSONDecoder().decode([TypeShape].self, from: data) == all)
    }
}
