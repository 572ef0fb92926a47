import Testing
import NQ57Calendar
@testable import MetricsRules

private let percentSum = IndicatorRules(measure: .percent, direction: .atLeast, rollUp: .average, frequency: .year)
private let percentRatio = IndicatorRules(measure: .percent, direction: .atLeast, rollUp: .weightedRatio, frequency: .quarter)
private let countSum = IndicatorRules(measure: .count, direction: .atLeast, rollUp: .sum, frequency: .month)
private let doneRule = IndicatorRules(measure: .done, direction: .done, rollUp: .none, frequency: .year)

/// The error `check` throws for these inputs.
private func failure(
    value: Double? = nil, numerator: Double? = nil, denominator: Double? = nil, rules: IndicatorRules
) -> RuleError? {
    do {
        _ = try ValueCheck.check(value: value, numerator: numerator, denominator: denominator, rules: rules)
        return nil
    } catch {
        return error
    }
}

@Suite("Checking reported values")
struct ValueCheckTests {
    @Test func percentAbove100IsRefused() {
        let error = failure(value: 130, rules: percentSum)
        #expect(error?.field == "value")
        #expect(error?.message.hasPrefix("130% vượt quá 100%") == true)
    }

    @Test func percentRespectsALowerCap() throws {
        let capped = IndicatorRules(measure: .percent, direction: .atLeast, rollUp: .average, frequency: .year, maxValue: 90)
        #expect(failure(value: 95, rules: capped)?.message.contains("mức tối đa 90%") == true)
        #expect(try ValueCheck.check(value: 90, numerator: nil, denominator: nil, rules: capped).value == 90)
        #expect(failure(value: -1, rules: percentSum)?.field == "value")
    }

    @Test func countMustBeAWholeNonNegativeNumber() throws {
        #expect(failure(value: -1, rules: countSum)?.field == "value")
        #expect(failure(value: -1, rules: countSum)?.message.contains("không được âm") == true)
        let fractional = failure(value: 2.5, rules: countSum)
        #expect(fractional?.field == "value")
        #expect(fractional?.message.contains("2,5") == true)
        #expect(fractional?.message.contains("số nguyên") == true)
        #expect(try ValueCheck.check(value: 12, numerator: nil, denominator: nil, rules: countSum) == ReportedNumber(value: 12))
    }

    @Test func indexAndMoneyAreNonNegativeAndCapped() {
        let money = IndicatorRules(measure: .money, direction: .atLeast, rollUp: .sum, frequency: .year, maxValue: 1_000)
        #expect(failure(value: -5, rules: money)?.message.contains("Số tiền -5") == true)
        #expect(failure(value: 1_500, rules: money)?.message == "Số tiền 1.500 vượt quá mức tối đa 1.000.")
        let index = IndicatorRules(measure: .index, direction: .atLeast, rollUp: .average, frequency: .year)
        #expect(failure(value: 0.5, rules: index) == nil)
        #expect(failure(value: -0.5, rules: index)?.field == "value")
    }

    @Test func denominatorZeroIsRefused() {
        let error = failure(numerator: 0, denominator: 0, rules: percentRatio)
        #expect(error?.field == "denominator")
        #expect(error?.message.contains("lớn hơn 0") == true)
    }

    @Test func denominatorBelowNumeratorIsRefusedForPercent() {
        let error = failure(numerator: 12, denominator: 10, rules: percentRatio)
        #expect(error?.field == "denominator")
        #expect(error?.message.contains("mẫu số nhỏ hơn tử số") == true)
    }

    @Test func negativeNumeratorIsRefused() {
        #expect(failure(numerator: -1, denominator: 10, rules: percentRatio)?.field == "numerator")
    }

    @Test func weightedRatioNeedsBothParts() {
        #expect(failure(value: 50, numerator: 5, rules: percentRatio)?.field == "denominator")
        #expect(failure(value: 50, denominator: 10, rules: percentRatio)?.field == "numerator")
        #expect(failure(value: 50, rules: percentRatio)?.field == "numerator")
    }

    @Test func weightedRatioValueIsComputed() throws {
        let number = try ValueCheck.check(value: nil, numerator: 57, denominator: 100, rules: percentRatio)
        #expect(number == ReportedNumber(value: 57, numerator: 57, denominator: 100))
        let agreeing = try ValueCheck.check(value: 33.33, numerator: 1, denominator: 3, rules: percentRatio)
        #expect(abs(agreeing.value - 100.0 / 3) < 1e-12)
    }

    @Test func givenValueMustAgreeWithRatio() {
        let error = failure(value: 55, numerator: 50, denominator: 100, rules: percentRatio)
        #expect(error?.field == "value")
        #expect(error?.message.contains("50/100") == true)
    }

    @Test func otherRollUpsNeedAValue() {
        #expect(failure(rules: countSum)?.field == "value")
        #expect(failure(numerator: 3, rules: percentSum)?.field == "denominator")
    }

    @Test func doneTakesOnlyZeroOrOne() throws {
        let error = failure(value: 2, rules: doneRule)
        #expect(error?.field == "value")
        #expect(error?.message.contains("hoặc 0") == true)
        #expect(try ValueCheck.check(value: 1, numerator: nil, denominator: nil, rules: doneRule).value == 1)
        #expect(try ValueCheck.check(value: 0, numerator: nil, denominator: nil, rules: doneRule).value == 0)
    }

    @Test func nanAndInfinityAreRefused() {
        #expect(failure(value: .nan, rules: percentSum)?.field == "value")
        #expect(failure(value: .infinity, rules: countSum)?.field == "value")
        #expect(failure(numerator: .nan, denominator: 10, rules: percentRatio)?.field == "numerator")
        #expect(failure(numerator: 1, denominator: .infinity, rules: percentRatio)?.field == "denominator")
    }

    @Test func periodMustMatchFrequency() throws {
        #expect(try ValueCheck.period("2025-Q3", frequency: .quarter) == PeriodKey(period: .quarter, year: 2025, index: 3))
        #expect(try ValueCheck.period("2025-11", frequency: .month).key == "2025-11")
        #expect(try ValueCheck.period("2025", frequency: .year).key == "2025")
        #expect(throws: RuleError.self) { try ValueCheck.period("2025-11", frequency: .quarter) }
        do {
            _ = try ValueCheck.period("2025-11", frequency: .halfYear)
            Issue.record("a month is not a half-year")
        } catch {
            #expect(error.field == "period")
            #expect(error.message.contains("2025-H2"))
        }
        do {
            _ = try ValueCheck.period("quý 3", frequency: .quarter)
            Issue.record("not a key")
        } catch {
            #expect(error.field == "period")
            #expect(error.message.contains("2025-Q3"))
        }
    }
}
