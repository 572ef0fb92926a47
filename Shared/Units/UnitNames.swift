import Foundation

/// When two unit names are one name: the same words with the same tones, whatever the
/// keyboard sent (NFC or NFD) and wherever the tone mark sits. "Hòa" (old style, the mark on
/// the o) and "Hoà" (new style, on the a) are one name; "Xã Lộc Ninh" and "Phường Lộc Ninh" are not.
public enum UnitNames {
    /// The five tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng.
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    /// `name` trimmed and in NFC, as stored.
    public static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// A key equal for two names exactly when they are one name: each word lower-cased, without
    /// its tone mark, followed by the tone it carries (wherever in the word it sat).
    public static func key(_ name: String) -> String {
        normalized(name).lowercased().split(whereSeparator: \.isWhitespace).map { word in
            var tones: [Unicode.Scalar] = []
            var letters = String.UnicodeScalarView()
            for scalar in String(word).decomposedStringWithCanonicalMapping.unicodeScalars {
                if toneMarks.contains(scalar) { tones.append(scalar) } else { letters.append(scalar) }
            }
            let base = String(letters).precomposedStringWithCanonicalMapping
            return base + (tones.isEmpty ? "" : "|" + tones.map { String($0.value, radix: 16) }.joined(separator: ","))
        }.joined(separator: " ")
    }

    /// Whether `first` and `second` are one name (so replacing one by the other is no rename).
    public static func same(_ first: String, _ second: String) -> Bool { key(first) == key(second) }

    /// The name in force on `day` among `names` (oldest first by `validFrom`): the last one
    /// that started on or before it, else the first.
    public static func inForce<Name>(_ names: [Name], on day: String, validFrom: (Name) -> String) -> Name? {
        names.last { validFrom($0) <= day } ?? names.first
    }
}
