/// Why a text is not a valid personal identification number: a machine ``reason`` and a
/// Vietnamese ``message`` (with full diacritics) that the person can act on.
public struct PersonalNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem, for programs and logs.
    public enum Reason: Sendable, Hashable {
        /// Not exactly 12 digits (including the empty text).
        case wrongLength
        /// Contains something other than the ASCII digits 0–9 (letters, spaces, full-width digits…).
        case notDigits
        /// The first three digits are not the code of one of the 63 provinces.
        case unknownProvince(String)
        /// The year of birth the number encodes is after the current year.
        case birthYearInFuture(Int)

        /// A short stable name for logs ("wrongLength", "notDigits", "unknownProvince",
        /// "birthYearInFuture"), without the digits.
        public var code: String {
            switch self {
            case .wrongLength: "wrongLength"
            case .notDigits: "notDigits"
            case .unknownProvince: "unknownProvince"
            case .birthYearInFuture: "birthYearInFuture"
            }
        }
    }

    /// The problem, for programs and logs.
    public let reason: Reason

    /// Creates the error for a reason.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// A sentence for the person, in Vietnamese.
    public var message: String {
        switch reason {
        case .wrongLength:
            "Số định danh phải gồm đúng 12 chữ số."
        case .notDigits:
            "Số định danh chỉ được gồm các chữ số từ 0 đến 9, không có chữ cái, dấu cách hay ký tự khác."
        case .unknownProvince(let code):
            "Mã tỉnh nơi đăng ký khai sinh \"\(code)\" không hợp lệ."
        case .birthYearInFuture(let year):
            "Năm sinh \(year) suy ra từ số định danh nằm trong tương lai."
        }
    }

    /// The message; it never contains the whole number.
    public var description: String { message }
}
