import Foundation

/// A CSV document that Excel on a Vietnamese Windows PC opens right: UTF-8 with a byte
/// order mark, CRLF line ends, and fields quoted (quotes doubled) when they hold the
/// separator, a quote, CR or LF.
public struct CSVDocument: Sendable {
    /// The header row.
    public var header: [String]
    /// The data rows, in order.
    public var rows: [[String]]

    /// A document with this header and rows.
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// Adds a row at the end.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The document as text: "\u{FEFF}", then each record followed by CRLF.
    public func render(separator: Character = ",") -> String {
        var text = "\u{FEFF}"
        for record in [header] + rows {
            text += record.map { Self.field($0, separator: separator) }.joined(separator: String(separator))
            text += "\r\n"
        }
        return text
    }

    /// The UTF-8 bytes of `render(separator:)`, byte order mark first.
    public func data(separator: Character = ",") -> Data {
        Data(render(separator: separator).utf8)
    }

    /// Text that Excel would run as a formula (starting with =, +, -, @, tab or CR) gets a
    /// leading apostrophe; numbers such as "-3,25" stay as they are.
    static func defused(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
              VietnameseDecimal.parse(value) == nil else { return value }
        return "'" + value
    }

    /// `value` as a field, quoted if it holds the separator, a quote, CR or LF.
    ///
    /// Checked scalar by scalar: in Swift, "\r\n" is one Character, and a quote followed by
    /// a combining mark is another, so a Character search would miss them.
    static func field(_ value: String, separator: Character) -> String {
        let value = defused(value)
        let special = Set(separator.unicodeScalars).union(["\"", "\r", "\n"])
        guard value.unicodeScalars.contains(where: special.contains) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}
