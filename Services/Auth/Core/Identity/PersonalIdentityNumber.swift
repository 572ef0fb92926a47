import Foundation

/// A 12-digit personal identification number (số định danh cá nhân, claim `SoDinhDanh`):
/// 3 digits of the province where the birth was registered, 1 digit of century and sex,
/// 2 digits of the birth year, 6 digits of sequence. Validated digit by digit; never logged
/// in full (`masked`).
public struct PersonalIdentityNumber: Sendable, Equatable, CustomStringConvertible {
    /// The 12 digits.
    public let digits: String
    /// The province code of birth registration, "075" for Đồng Nai.
    public let provinceCode: String
    /// The year of birth.
    public let birthYear: Int
    /// Whether the century-and-sex digit is even (male) or odd (female).
    public let isMale: Bool

    /// The province codes in use for birth registration: "0" + the 63 pre-2025 province codes.
    static let provinceCodes: Set<String> = Set([
        "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31",
        "33", "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60", "62",
        "64", "66", "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93",
        "94", "95", "96",
    ].map { "0" + $0 })

    /// Validates `text` as of `now` (a birth year may not lie in the future).
    public init(validating text: String, now: Date = Date()) throws(PersonalIdentityNumberError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw PersonalIdentityNumberError("Số định danh cá nhân phải gồm đúng 12 chữ số.")
        }
        let province = String(text.prefix(3))
        guard Self.provinceCodes.contains(province) else {
            throw PersonalIdentityNumberError("Mã tỉnh nơi đăng ký khai sinh \"\(province)\" trong số định danh không hợp lệ.")
        }
        let centuryDigit = Int(bytes[3] - 0x30)
        let yearDigits = Int(text.dropFirst(4).prefix(2))!
        let year = 1900 + (centuryDigit / 2) * 100 + yearDigits
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        guard year <= calendar.component(.year, from: now) else {
            throw PersonalIdentityNumberError("Năm sinh \(year) trong số định danh nằm ở tương lai.")
        }
        digits = text
        provinceCode = province
        birthYear = year
        isMale = centuryDigit % 2 == 0
    }

    /// For logs: the province code and the last three digits only.
    public var masked: String { provinceCode + String(repeating: "*", count: 6) + digits.suffix(3) }

    public var description: String { masked }
}

/// Why a personal identification number is not valid, for the person (Vietnamese).
public struct PersonalIdentityNumberError: Error, Sendable, Equatable {
    /// The message.
    public let message: String
    init(_ message: String) { self.message = message }
}
