import Foundation
import NQ57Wire

/// People's free text (notes, difficulties, reasons): kept trimmed and in NFC, at most
/// ``maxCharacters`` characters, so one paste of a whole document cannot fill a history row.
public enum FreeText {
    /// The longest note, difficulty or reason accepted, in characters.
    public static let maxCharacters = 4_000

    /// `text` as stored: trimmed, in NFC; nil when blank.
    ///
    /// - Throws: `invalid_argument` naming `field` when longer than ``maxCharacters``; the
    ///   Vietnamese message says what the field is (`label`), how long it was and the limit.
    public static func checked(_ text: String?, field: String, label: String) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping,
              !text.isEmpty else { return nil }
        guard text.count <= maxCharacters else {
            throw RPCError(.invalidArgument,
                           "\(label) dài \(grouped(text.count)) ký tự, vượt giới hạn \(grouped(maxCharacters)) ký tự; "
                           + "hãy rút gọn, hoặc đính kèm nội dung dài dưới dạng tệp minh chứng. Chưa có gì được lưu.",
                           details: ["field": field, "limit": String(maxCharacters), "length": String(text.count)])
        }
        return text
    }

    /// `text` as stored, where something must be said: as ``checked(_:field:label:)``, and blank
    /// text is refused with `invalid_argument` naming `field`.
    public static func required(_ text: String, field: String, label: String) throws -> String {
        guard let kept = try checked(text, field: field, label: label) else {
            throw RPCError(.invalidArgument, "Cần nhập \(label.lowercased()).", details: ["field": field])
        }
        return kept
    }

    /// A whole number with dots between thousands, as written in Vietnamese: 21.000.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([Substring(digits)] + groups).joined(separator: ".")
    }
}
