import Foundation

/// A list of strings (evidence ids, unit ids) kept in one TEXT column as a JSON array.
public enum StringListColumn {
    /// The list as the column stores it.
    public static func encode(_ values: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The list a column holds; empty if the text is not a JSON array of strings.
    public static func decode(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
