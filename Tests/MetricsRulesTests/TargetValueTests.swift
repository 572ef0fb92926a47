import Testing
@testable import MetricsRules

@Suite("Target values as plans write them")
struct TargetValueTests {
    @Test(arguments: [
        ("≥ 70", 70.0, "≥"), (">80", 80, "≥"), (">= 60", 60, "≥"), ("≤ 5", 5, "≤"), ("<=5", 5, "≤"),
    ])
    func marks(text: String, number: Double, mark: String) throws {
        #expect(try TargetValue(parsing: text) == TargetValue(number: number, mark: mark))
    }

    @Test func bareNumbers() throws {
        #expect(try TargetValue(parsing: "1,5") == TargetValue(number: 1.5))
        #expect(try TargetValue(parsing: "100%") == TargetValue(number: 100))
        #expect(try TargetValue(parsing: "= 80") == TargetValue(number: 80))
        #expect(try TargetValue(parsing: "≥ 70 %") == TargetValue(number: 70, mark: "≥"))
        #expect(try TargetValue(parsing: "1.500.000") == TargetValue(number: 1_500_000))
    }

    @Test(arguments: ["", "≥", "nhiều", "70 doanh nghiệp", "%", "1,2,3"])
    func garbageIsRefused(text: String) {
        do {
            _ = try TargetValue(parsing: text)
            Issue.record("\"\(text)\" should not parse")
        } catch {
            #expect(error.field == "target")
            #expect(error.message.contains("≥ 70"))
        }
    }

    @Test func displayText() {
        #expect(TargetValue(number: 70, mark: "≥").displayText == "≥ 70")
        #expect(TargetValue(number: 1.5).displayText == "1,5")
        #expect(TargetValue(number: 5, mark: "≤").displayText == "≤ 5")
    }
}
