/// Splits a document into its lines.
enum TextLines {
    /// The lines of `text`, split at line feeds only (a carriage return stays part of its line), without the line
    /// feeds. A trailing line feed yields a final empty line.
    static func split(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Whether `line` holds nothing but spaces and tabs.
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy(Bytes.isBlank)
    }
}
