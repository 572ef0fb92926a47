/// Turns a time wording into plain lower-case ASCII words for `DeadlineParser`.
///
/// "  Hoàn thành trong Quý III / 2025. " becomes `["hoan", "thanh", "trong", "quy", "iii/2025"]`:
/// NFC, marks folded away, case dropped, punctuation other than the date separators
/// `/ - .` turned into spaces, spaces around a separator between numbers removed, a
/// leading bullet and a trailing full stop dropped, and known OCR misreadings corrected.
enum DeadlineTokens {
    /// Words that OCR of the seed plans misread, and the older spelling "quí", mapped to
    /// the word meant. Only whole words are replaced, and only these: "ndm", "ndam" for
    /// "năm"; "thyc" for "thực"; "thudng" for "thường"; "qui" for "quý".
    static let ocrMisreadings: [String: String] = [
        "ndm": "nam",
        "ndam": "nam",
        "thyc": "thuc",
        "thudng": "thuong",
        "qui": "quy",
    ]

    /// The words of `text`, as described on the type.
    static func words(_ text: String) -> [String] {
        let folded = VietnameseFolding.fold(text).lowercased()
        var characters: [Character] = folded.map { character in
            if character.isLetter || character.isNumber || isSeparator(character) { return character }
            return " "
        }
        characters = joiningSeparators(characters)
        let trimmed = String(characters).trimming(" .-")
        return trimmed.split(separator: " ").map { word in
            let word = String(word)
            return ocrMisreadings[word] ?? word
        }
    }

    /// Whether `character` may separate the numbers of a date: `/`, `-` or `.`.
    static func isSeparator(_ character: Character) -> Bool {
        character == "/" || character == "-" || character == "."
    }

    /// Removes the spaces around a separator that stands between two numbers
    /// ("11 / 2025" → "11/2025"); for `/` also between a Roman numeral and a number
    /// ("III / 2025" → "III/2025").
    private static func joiningSeparators(_ characters: [Character]) -> [Character] {
        var drop = Set<Int>()
        for (index, character) in characters.enumerated() where isSeparator(character) {
            var before = index - 1
            while before >= 0, characters[before] == " " { before -= 1 }
            var after = index + 1
            while after < characters.count, characters[after] == " " { after += 1 }
            guard before >= 0, after < characters.count else { continue }
            let joins: (Character) -> Bool = character == "/"
                ? { $0.isLetter || $0.isNumber }
                : { $0.isASCIIDigit }
            guard joins(characters[before]), joins(characters[after]) else { continue }
            drop.formUnion((before + 1)..<index)
            drop.formUnion((index + 1)..<after)
        }
        return characters.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }
}

extension String {
    /// This text without any of `characters` at either end.
    func trimming(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
