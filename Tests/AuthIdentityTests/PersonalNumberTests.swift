import Foundation
import Testing

@testable import AuthIdentity

@Suite("PersonalNumber")
struct PersonalNumberTests {
    /// 2025-11-24 16:00 UTC.
    let now = Date(timeIntervalSince1970: 1_764_000_000)

    struct Valid: Sendable, CustomTestStringConvertible {
        let text: String
        let provinceCode: String
        let provinceName: String
        let birthYear: Int
        let sex: PersonalNumber.Sex
        let masked: String
        var testDescription: String { masked }
    }

    static let valid: [Valid] = [
        Valid(text: "075204012345", provinceCode: "075", provinceName: "Đồng Nai", birthYear: 2004, sex: .male, masked: "075******345"),
        Valid(text: "001095000123", provinceCode: "001", provinceName: "Hà Nội", birthYear: 1995, sex: .male, masked: "001******123"),
        Valid(text: "079301000789", provinceCode: "079", provinceName: "Hồ Chí Minh", birthYear: 2001, sex: .female, masked: "079******789"),
        Valid(text: "096188123456", provinceCode: "096", provinceName: "Cà Mau", birthYear: 1988, sex: .female, masked: "096******456"),
        Valid(text: "046000999999", provinceCode: "046", provinceName: "Thừa Thiên Huế", birthYear: 1900, sex: .male, masked: "046******999"),
        Valid(text: "077225000001", provinceCode: "077", provinceName: "Bà Rịa - Vũng Tàu", birthYear: 2025, sex: .male, masked: "077******001"),
        Valid(text: "066199000042", provinceCode: "066", provinceName: "Đắk Lắk", birthYear: 1999, sex: .female, masked: "066******042"),
    ]

    @Test("valid numbers decode province, year, sex and sequence", arguments: valid)
    func decodesValidNumber(_ expected: Valid) throws {
        let number = try PersonalNumber(validating: expected.text, now: now)
        #expect(number.digits == expected.text)
        #expect(number.provinceCode == expected.provinceCode)
        #expect(number.provinceName == expected.provinceName)
        #expect(number.birthYear == expected.birthYear)
        #expect(number.sex == expected.sex)
        #expect(number.sequence == String(expected.text.suffix(6)))
        #expect(number.masked == expected.masked)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let label: String
        let text: String
        let reason: PersonalNumberError.Reason
        var testDescription: String { label }
    }

    static let invalid: [Invalid] = [
        Invalid(label: "11 digits", text: "07520401234", reason: .wrongLength),
        Invalid(label: "13 digits", text: "0752040123456", reason: .wrongLength),
        Invalid(label: "empty", text: "", reason: .wrongLength),
        Invalid(label: "letter", text: "07520401234A", reason: .notDigits),
        Invalid(label: "inner space", text: "075 04012345", reason: .notDigits),
        Invalid(label: "leading space", text: " 075204012345", reason: .notDigits),
        Invalid(label: "trailing newline", text: "075204012345\n", reason: .notDigits),
        Invalid(label: "full-width digits", text: "０７５２０４０１２３４５", reason: .notDigits),
        Invalid(label: "Arabic-Indic digits", text: "٠٧٥٢٠٤٠١٢٣٤٥", reason: .notDigits),
        Invalid(label: "hyphen", text: "075-04012345", reason: .notDigits),
        Invalid(label: "province 099", text: "099204012345", reason: .unknownProvince("099")),
        Invalid(label: "province 000", text: "000204012345", reason: .unknownProvince("000")),
        Invalid(label: "province 003 (no such code)", text: "003204012345", reason: .unknownProvince("003")),
        Invalid(label: "province 175 (first digit not 0)", text: "175204012345", reason: .unknownProvince("175")),
        Invalid(label: "born 2030", text: "075230012345", reason: .birthYearInFuture(2030)),
        Invalid(label: "born 2026", text: "075226012345", reason: .birthYearInFuture(2026)),
        Invalid(label: "century digit 4 (2100s)", text: "075404012345", reason: .birthYearInFuture(2104)),
        Invalid(label: "century digit 7 (2200s)", text: "075700012345", reason: .birthYearInFuture(2200)),
        Invalid(label: "century digit 9 (2300s)", text: "075999012345", reason: .birthYearInFuture(2399)),
    ]

    @Test("invalid numbers are refused with the right reason", arguments: invalid)
    func refusesInvalidNumber(_ case_: Invalid) {
        #expect(throws: PersonalNumberError(case_.reason)) {
            try PersonalNumber(validating: case_.text, now: now)
        }
    }

    @Test("messages are Vietnamese with full diacritics")
    func messages() {
        #expect(PersonalNumberError(.wrongLength).message == "Số định danh phải gồm đúng 12 chữ số.")
        #expect(PersonalNumberError(.unknownProvince("099")).message == "Mã tỉnh nơi đăng ký khai sinh \"099\" không hợp lệ.")
        #expect(PersonalNumberError(.birthYearInFuture(2030)).message == "Năm sinh 2030 suy ra từ số định danh nằm trong tương lai.")
        #expect(PersonalNumberError(.notDigits).message.hasPrefix("Số định danh chỉ được gồm các chữ số từ 0 đến 9"))
    }

    @Test("the current year is the year in Vietnam (UTC+7), not in UTC")
    func yearIsVietnamese() throws {
        let bornIn2026 = "075226000001"
        // 2025-12-31 16:59:59 UTC is 23:59:59 on 31 December 2025 in Vietnam.
        let lastSecondOf2025 = Date(timeIntervalSince1970: 1_767_200_399)
        #expect(throws: PersonalNumberError(.birthYearInFuture(2026))) {
            try PersonalNumber(validating: bornIn2026, now: lastSecondOf2025)
        }
        // One second later it is 1 January 2026 in Vietnam while still 2025 in UTC.
        let number = try PersonalNumber(validating: bornIn2026, now: lastSecondOf2025.addingTimeInterval(1))
        #expect(number.birthYear == 2026)
    }

    @Test("every century digit maps to its century and sex")
    func centuryDigits() throws {
        let farFuture = Date(timeIntervalSince1970: 20_000_000_000)  // the year 2603
        let expected: [(Character, Int, PersonalNumber.Sex)] = [
            ("0", 1950, .male), ("1", 1950, .female), ("2", 2050, .male), ("3", 2050, .female),
            ("4", 2150, .male), ("5", 2150, .female), ("6", 2250, .male), ("7", 2250, .female),
            ("8", 2350, .male), ("9", 2350, .female),
        ]
        for (digit, year, sex) in expected {
            let number = try PersonalNumber(validating: "001\(digit)50000001", now: farFuture)
            #expect(number.birthYear == year, "century digit \(digit)")
            #expect(number.sex == sex, "century digit \(digit)")
        }
    }

    @Test("the full number never shows in descriptions, debug output or dump")
    func neverLeaks() throws {
        let number = try PersonalNumber(validating: "075204012345", now: now)
        var dumped = ""
        dump(number, to: &dumped)
        for text in ["\(number)", String(describing: number), String(reflecting: number), dumped, "\([number])"] {
            #expect(!text.contains("075204012345"), "\(text)")
            #expect(!text.contains("012345"), "\(text)")
            #expect(text.contains("075******345"), "\(text)")
        }
    }

    @Test("equal digits make equal numbers")
    func equality() throws {
        let a = try PersonalNumber(validating: "075204012345", now: now)
        let b = try PersonalNumber(validating: "075204012345", now: now)
        let c = try PersonalNumber(validating: "075204012346", now: now)
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test("the province table has the 63 pre-2025 provinces with three-digit codes")
    func provinceTable() {
        let names = BirthRegistrationProvinces.names
        #expect(names.count == 63)
        #expect(Set(names.values).count == 63)
        for code in names.keys {
            #expect(code.count == 3 && code.hasPrefix("0") && code.allSatisfy(\.isASCII) && Int(code) != nil, "\(code)")
        }
        #expect(names["075"] == "Đồng Nai")
        #expect(names["001"] == "Hà Nội")
        #expect(names["079"] == "Hồ Chí Minh")
        for missing in ["003", "005", "007", "009", "013", "016", "018", "021", "023", "028", "029", "032", "039", "041", "043", "047", "050", "053", "055", "057", "059", "061", "063", "065", "069", "071", "073", "076", "078", "081", "085", "088", "090", "097", "098", "099"] {
            #expect(names[missing] == nil, "\(missing)")
        }
    }
}
