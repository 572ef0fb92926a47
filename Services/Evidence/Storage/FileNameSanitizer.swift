import Foundation

/// Turns the file name a client sent into the name stored with the evidence and shown to
/// people.
///
/// The result is metadata only: files are stored under their hash and this name is never
/// used as a path on disk. Sanitising keeps it readable and harmless wherever it is shown:
///
/// - only the last path component is kept, with `/` and `\` both separators, so
///   "../../etc/passwd" gives "passwd" and "C:\Users\a\Báo cáo.pdf" gives "Báo cáo.pdf";
/// - control and format characters (NUL, bidirectional overrides, zero-width characters) are
///   removed, and every run of whitespace becomes one space, trimmed at both ends;
/// - the text is normalised to Unicode NFC, so Vietnamese letters typed as a base letter and
///   combining marks become the precomposed letters; letters of every script are kept;
/// - the name is cut to ``maxLength`` characters, keeping its extension;
/// - an empty result, ".", or ".." becomes ``fallbackName``. The result is never empty.
public enum FileNameSanitizer {
    /// The name used when nothing usable is left.
    public static let fallbackName = "tep-minh-chung"

    /// The most characters (grapheme clusters) a sanitised name has.
    public static let maxLength = 120

    /// The most Unicode scalars a sanitised name has, so that characters piled with
    /// combining marks cannot make a short name huge.
    static let maxScalars = 4 * maxLength

    /// The longest suffix after the last dot that is kept as an extension when cutting.
    static let maxExtensionLength = 16

    /// The sanitised form of `name`; see ``FileNameSanitizer``.
    public static func sanitize(_ name: String) -> String {
        let cleaned = removingControls(name.precomposedStringWithCanonicalMapping)
        let component = lastComponent(of: cleaned)
        let collapsed = component.split(separator: " ").joined(separator: " ")
        let normalized = collapsed.precomposedStringWithCanonicalMapping
        guard !normalized.isEmpty, normalized != ".", normalized != ".." else { return fallbackName }
        let result = shortened(normalized)
        return result.isEmpty ? fallbackName : result
    }

    /// `text` with whitespace turned into plain spaces and other control and format
    /// characters removed.
    static func removingControls(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                scalars.append(" ")
            } else {
                switch scalar.properties.generalCategory {
                case .control, .format, .surrogate, .unassigned: continue
                default: scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }

    /// The last component of a path with `/` or `\` as separators that is not blank.
    static func lastComponent(of path: String) -> Substring {
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return components.last(where: { $0.contains { $0 != " " } }) ?? ""
    }

    /// `name` cut to ``maxLength`` characters and ``maxScalars`` scalars, keeping an
    /// extension of up to ``maxExtensionLength`` characters without spaces.
    static func shortened(_ name: String) -> String {
        if name.count <= maxLength && name.unicodeScalars.count <= maxScalars { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let suffix = name[dot...]
            if (2...maxExtensionLength + 1).contains(suffix.count), !suffix.contains(" ") {
                let stem = prefix(
                    of: name[..<dot],
                    characters: maxLength - suffix.count,
                    scalars: maxScalars - suffix.unicodeScalars.count
                )
                return String(stem + suffix)
            }
        }
        return String(prefix(of: name[...], characters: maxLength, scalars: maxScalars))
    }

    /// The longest start of `text` within both limits, without trailing spaces.
    static func prefix(of text: Substring, characters: Int, scalars: Int) -> Substring {
        var end = text.startIndex
        var characterCount = 0
        var scalarCount = 0
        for character in text {
            let size = character.unicodeScalars.count
            guard characterCount < characters, scalarCount + size <= scalars else { break }
            characterCount += 1
            scalarCount += size
            end = text.index(after: end)
        }
        var result = text[..<end]
        while result.last == " " { result.removeLast() }
        return result
    }
}
