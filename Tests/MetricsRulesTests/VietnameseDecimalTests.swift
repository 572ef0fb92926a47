import Testing
@testable import MetricsRules

@Suite("Vietnamese decimal numbers")
struct VietnameseDecimalTests {
    @Test(arguments: [
        (1234.5, "1.234,5"), (0.7, "0,7"), (1_000_000, "1.000.000"), (-3.25, "-3,25"), (61.4464, "61,45"),
        (-0.0, "0"), (-0.001, "0"), (0.005, "0,01"), (-0.005, "-0,01"), (1.005, "1,01"), (999.999, "1.000"),
        (100, "100"), (12_345_678.9, "12.345.678,9"), (1e-7, "0"), (1e20, "100.000.000.000.000.000.000"),
    ])
    func format(value: Double, text: String) {
        #expect(VietnameseDecimal.format(value) == text)
    }

    @Test func fractionDigits() {
        #expect(VietnameseDecimal.format(2.5, maxFractionDigits: 0) == "3")
        #expect(VietnameseDecimal.format(-2.5, maxFractionDigits: 0) == "-3")
        #expect(VietnameseDecimal.format(1.23456, maxFractionDigits: 4) == "1,2346")
        #expect(VietnameseDecimal.format(1.5, maxFractionDigits: -1) == "2")
        #expect(VietnameseDecimal.format(.nan) == "không phải số")
    }

    @Test(arguments: [1234.5, 0.7, 1_000_000, -3.25, 61.45, 1_000, 12_345_678.9, 0])
    func roundTrip(value: Double) {
        #expect(VietnameseDecimal.parse(VietnameseDecimal.format(value)) == value)
    }

    @Test func roundedRoundTrip() {
        #expect(VietnameseDecimal.parse(VietnameseDecimal.format(61.4464)) == 61.45)
    }

    @Test(arguments: [
        ("1.234,5", 1234.5), ("1234,5", 1234.5), ("1234.5", 1234.5), ("70", 70), ("1.234", 1234),
        ("1.5", 1.5), ("0.700", 0.7), ("1234.567", 1234.567), ("1.234.567", 1_234_567), (" -3,25 ", -3.25),
        ("+2", 2), ("0,7", 0.7),
    ])
    func parse(text: String, value: Double) {
        #expect(VietnameseDecimal.parse(text) == value)
    }

    @Test(arguments: ["", "-", "abc", "1,2,3", "1.23.4", "12.34,5", ",5", "5,", "1.234.5", "1,234.5", "1e5", "70%", "1 000"])
    func notNumbers(text: String) {
        #expect(VietnameseDecimal.parse(text) == nil)
    }
}
