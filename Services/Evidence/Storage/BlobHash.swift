/// Checks that a string can name an object: exactly 64 lowercase hexadecimal digits.
///
/// Every hash that comes from outside goes through here before it becomes part of a path, so
/// no caller can reach a file outside the objects folder ("../", "/", NUL and the like are
/// all refused).
public enum BlobHash {
    /// Whether `text` is 64 characters from `0-9a-f`.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isLowercaseHexDigit)
    }

    /// Whether `text` is two lowercase hexadecimal digits: the name of an object folder.
    static func isFolderName(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy(isLowercaseHexDigit)
    }

    /// Whether `byte` is the ASCII code of `0-9` or `a-f`.
    static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// `text` unchanged if it is valid.
    ///
    /// - Throws: ``BlobError/invalidHash(_:)``.
    public static func validated(_ text: String) throws(BlobError) -> String {
        guard isValid(text) else { throw .invalidHash(text) }
        return text
    }

    /// The hash a client announced, lowercased so that either case is accepted.
    public static func normalizedExpectation(_ text: String) -> String {
        text.lowercased()
    }
}
