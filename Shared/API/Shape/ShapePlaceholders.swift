import Foundation

/// Placeholder values and fixed shapes for the types the recording decoder treats specially.
enum ShapePlaceholders {
    /// The string a recording decoder answers when it has no better one: non-empty, so that
    /// common checks (`!isEmpty`, `URL(string:)`) pass.
    static let string = "x"

    /// Foundation types whose own `init(from:)` does not reflect how JSON carries them
    /// (JSONDecoder special-cases them), or would reject a placeholder string.
    static func foundationValue<T>(_ type: T.Type) -> (shape: TypeShape, value: T)? {
        if T.self == Date.self, let value = Date(timeIntervalSince1970: 0) as? T {
            return (.date, value)
        }
        if T.self == UUID.self, let value = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) as? T {
            return (.string, value)
        }
        if T.self == URL.self, let url = URL(string: "about:blank"), let value = url as? T {
            return (.string, value)
        }
        if T.self == Data.self, let value = Data() as? T {
            return (.string, value)
        }
        if T.self == Decimal.self, let value = Decimal(1) as? T {
            return (.number, value)
        }
        return nil
    }

    /// The accepted strings of a ``ShapeEnumerable`` type, or of a `CaseIterable` type
    /// with `String` raw values; nil for any other type.
    static func enumerationCases<T>(of type: T.Type) -> [String]? {
        if let enumerable = T.self as? any ShapeEnumerable.Type {
            return enumerable.shapeCases
        }
        if let iterable = T.self as? any (CaseIterable & RawRepresentable).Type {
            return stringRawValues(of: iterable)
        }
        return nil
    }

    /// The first case of a `CaseIterable` type, used as its placeholder value.
    static func firstCase<T>(of type: T.Type) -> T? {
        guard let iterable = T.self as? any CaseIterable.Type else { return nil }
        return firstElement(of: iterable) as? T
    }

    private static func stringRawValues<E: CaseIterable & RawRepresentable>(of type: E.Type) -> [String]? {
        guard E.RawValue.self == String.self else { return nil }
        return E.allCases.compactMap { $0.rawValue as? String }
    }

    private static func firstElement<E: CaseIterable>(of type: E.Type) -> Any? {
        E.allCases.first
    }
}
