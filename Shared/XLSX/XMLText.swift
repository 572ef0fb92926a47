import Foundation

/// Text made safe for SpreadsheetML: NFC, XML-escaped, without the control characters XML 1.0
/// forbids, and no longer than a cell holds.
enum XMLText {
    /// The most characters Excel keeps in one cell.
    static let cellLimit = 32_767

    /// `text` escaped for an element's content or an attribute's value.
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\t", "\n", "\r": out.append(scalar)
            default:
                // XML 1.0 allows no other C0 controls, and no U+FFFE / U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A cell's text: cut to `cellLimit` characters (Excel refuses a file with longer cells), then escaped.
    static func cell(_ text: String) -> String {
        let normalized = text.precomposedStringWithCanonicalMapping
        return escaped(normalized.count > cellLimit ? String(normalized.prefix(cellLimit)) : normalized)
    }
}
