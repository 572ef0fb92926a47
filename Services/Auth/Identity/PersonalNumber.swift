public import Foundation
import NQ57Calendar

/// A Vietnamese personal identification number (số định danh cá nhân, the number on the
/// chip-based citizen identity card, CCCD): 12 ASCII digits laid out as
///
/// - digits 1–3: the province where the birth was registered ("0" + the pre-2025 province code),
/// - digit 4: the century of birth and the sex,
/// - digits 5–6: the year of birth within that century,
/// - digits 7–12: a sequence number.
///
/// The full number is personal data: ``description``, ``debugDescription`` and the mirror used
/// by `dump` all show only ``masked``. Use ``digits`` where the full number is really needed
/// (for example to look up the account it belongs to), never in a log line.
public struct PersonalNumber: Sendable, Hashable {
    /// The sex encoded in the fourth digit.
    public enum Sex: String, Sendable, Hashable, CaseIterable {
        /// Even century digit (0, 2, 4, 6, 8).
        case male
        /// Odd century digit (1, 3, 5, 7, 9).
        case female
    }

    /// The number of digits every personal identification number has.
    public static let length = 12

    /// The full 12-digit number. Personal data: do not log it.
    public let digits: String

    /// The year of birth, from the century digit (4th) and the two year digits (5th and 6th).
    public let birthYear: Int

    /// The sex, from the parity of the century digit.
    public let sex: Sex

    /// Checks `text` and reads what the number encodes.
    ///
    /// - Parameters:
    ///   - text: exactly 12 ASCII digits; nothing is trimmed or converted (a space, a letter or a
    ///     full-width digit is an error).
    ///   - now: the current time; a birth year after the current year in Vietnam
    ///     (Asia/Ho_Chi_Minh) is refused.
    /// - Throws: ``PersonalNumberError`` naming the first problem found.
    public init(validating text: String, now: Date = Date()) throws(PersonalNumberError) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy({ $0.isASCII && ("0"..."9").contains($0) }) else {
            throw PersonalNumberError(.notDigits)
        }
        guard scalars.count == Self.length else {
            throw PersonalNumberError(.wrongLength)
        }
        let values = scalars.map { Int($0.value) - 48 }

        let provinceCode = String(String.UnicodeScalarView(scalars[0..<3]))
        guard BirthRegistrationProvinces.name(forCode: provinceCode) != nil else {
            throw PersonalNumberError(.unknownProvince(provinceCode))
        }

        let centuryDigit = values[3]
        let year = 1900 + (centuryDigit / 2) * 100 + values[4] * 10 + values[5]
        guard year <= Day(now).year else {
            throw PersonalNumberError(.birthYearInFuture(year))
        }

        self.digits = text
        self.birthYear = year
        self.sex = centuryDigit.isMultiple(of: 2) ? .male : .female
    }

    /// The province code of the birth registration, three digits with the leading zero (e.g. "075").
    public var provinceCode: String { String(digits.prefix(3)) }

    /// The name of the province of the birth registration, with full diacritics (e.g. "Đồng Nai").
    public var provinceName: String {
        // The initializer has checked that the code is known.
        BirthRegistrationProvinces.name(forCode: provinceCode) ?? provinceCode
    }

    /// The six-digit sequence number (digits 7–12).
    public var sequence: String { String(digits.suffix(6)) }

    /// The number for logs: the province code and the last three digits, the rest hidden
    /// (e.g. "075******123").
    public var masked: String { digits.prefix(3) + String(repeating: "*", count: 6) + digits.suffix(3) }
}

extension PersonalNumber: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The masked number (``masked``), so that string interpolation never leaks the full number.
    public var description: String { masked }

    /// The masked number, also in debug output.
    public var debugDescription: String { "PersonalNumber(\(masked))" }

    /// A mirror that shows only the masked number, so that `dump` does not leak the full number.
    public var customMirror: Mirror {
        Mirror(self, children: ["masked": masked], displayStyle: .struct)
    }
}
