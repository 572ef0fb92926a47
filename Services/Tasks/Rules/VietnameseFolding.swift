import Foundation

/// Folds Vietnamese text to plain ASCII letters so that words still match when OCR or
/// a keyboard lost their marks: "Hoàn thành trong Quý III" and "Hoan thanh trong Quy III"
/// fold to the same text.
enum VietnameseFolding {
    /// Each base letter with every form it takes in Vietnamese: the bare letter, its
    /// modifier (ă, â, ê, ô, ơ, ư, đ), and each of those with the five tone marks
    /// (huyền, sắc, hỏi, ngã, nặng), in that order.
    static let table: [(base: Character, forms: String)] = [
        ("a", "àáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ"),
        ("e", "èéẻẽẹ" + "êềếểễệ"),
        ("i", "ìíỉĩị"),
        ("o", "òóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ"),
        ("u", "ùúủũụ" + "ưừứửữự"),
        ("y", "ỳýỷỹỵ"),
        ("d", "đ"),
    ]

    /// Every marked letter, lower and upper case, mapped to its plain base letter (same case).
    static let map: [Character: Character] = {
        var map: [Character: Character] = [:]
        for (base, forms) in table {
            let upperBase = Character(base.uppercased())
            for form in forms {
                map[form] = base
                map[Character(form.uppercased())] = upperBase
            }
        }
        return map
    }()

    /// `text` in NFC with every Vietnamese mark removed and đ/Đ turned into d/D.
    ///
    /// Letters outside the table (stray marks from OCR, such as "ö") lose their combining
    /// marks too, so only base letters remain; case is kept.
    static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.precomposedStringWithCanonicalMapping {
            if let plain = map[character] {
                result.append(plain)
            } else if character.isASCII {
                result.append(character)
            } else {
                result.append(contentsOf: stripCombiningMarks(character))
            }
        }
        return result
    }

    /// The character decomposed, without its combining marks (U+0300–U+036F).
    private static func stripCombiningMarks(_ character: Character) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
