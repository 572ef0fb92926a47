import Foundation

/// Sheet names as Excel requires them: 1–31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe, unique in a workbook regardless of case.
enum SheetNames {
    /// One valid, unique name per sheet, in order.
    static func valid(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            let replaced = String(name.precomposedStringWithCanonicalMapping.map { "[]:*?/\\".contains($0) ? "-" : $0 })
            let cleaned = replaced.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            let base = cleaned.isEmpty ? "Trang \(index + 1)" : cleaned
            var candidate = String(base.prefix(31))
            var suffix = 2
            while used.contains(candidate.lowercased()) {
                let tail = " (\(suffix))"
                candidate = String(base.prefix(31 - tail.count)) + tail
                suffix += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
