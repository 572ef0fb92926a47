import Testing
@testable import MetricsRules

/// A child that reported a plain value.
private func child(_ id: String, _ value: Double?) -> ChildValue {
    ChildValue(unitId: id, number: value.map { ReportedNumber(value: $0) })
}

/// A child that reported a ratio.
private func ratio(_ id: String, _ numerator: Double, _ denominator: Double) -> ChildValue {
    ChildValue(unitId: id, number: ReportedNumber(value: numerator * 100 / denominator,
                                                  numerator: numerator, denominator: denominator))
}

@Suite("Roll-up of children's values")
struct RollUpTests {
    @Test func sumAddsReportedChildrenAndListsMissing() {
        let result = RollUp.combine(.sum, children: [child("a", 3), child("b", nil), child("c", 4.5), child("d", nil)])
        #expect(result.number == ReportedNumber(value: 7.5))
        #expect(result.reported == ["a", "c"])
        #expect(result.missing == ["b", "d"])
        #expect(result.explanation == "Cộng: 3 + 4,5 = 7,5 (2/4 đơn vị báo cáo)")
    }

    @Test func weightedRatioIsNotTheMeanOfRatios() {
        let result = RollUp.combine(.weightedRatio, children: [ratio("x1", 50, 100), ratio("x2", 10, 10), ratio("x3", 1, 2)])
        let number = try! #require(result.number)
        #expect(number.numerator == 61)
        #expect(number.denominator == 112)
        #expect(abs(number.value - 54.464_285_714) < 1e-6)
        // The mean of the three ratios (50 %, 100 %, 50 %) would be 66,67 %.
        #expect(abs(number.value - 66.666_666_667) > 10)
        #expect(result.explanation == "Tỷ lệ có trọng số: 61/112 = 54,46% (3/3 đơn vị báo cáo)")
    }

    @Test func weightedRatioCountsChildrenWithoutNumeratorOrDenominatorAsMissing() {
        let result = RollUp.combine(.weightedRatio, children: [
            ratio("a", 1_000, 1_500),
            ChildValue(unitId: "b", number: ReportedNumber(value: 80)),
            ChildValue(unitId: "c", number: ReportedNumber(value: 50, numerator: 5, denominator: nil)),
            ratio("d", 234, 500),
            child("e", nil),
        ])
        #expect(result.reported == ["a", "d"])
        #expect(result.missing == ["b", "c", "e"])
        #expect(result.number?.numerator == 1_234)
        #expect(result.number?.denominator == 2_000)
        #expect(result.number?.value == 61.7)
        #expect(result.explanation == "Tỷ lệ có trọng số: 1.234/2.000 = 61,7% (2/5 đơn vị báo cáo)")
    }

    @Test func averageMinAndMax() {
        let children = [child("a", 10), child("b", nil), child("c", 40), child("d", 25)]
        #expect(RollUp.combine(.average, children: children).number?.value == 25)
        #expect(RollUp.combine(.average, children: children).explanation
            == "Trung bình: 75/3 = 25 (3/4 đơn vị báo cáo)")
        let low = RollUp.combine(.min, children: children)
        #expect(low.number?.value == 10)
        #expect(low.explanation == "Nhỏ nhất: 10 (đơn vị a) (3/4 đơn vị báo cáo)")
        let high = RollUp.combine(.max, children: children)
        #expect(high.number?.value == 40)
        #expect(high.explanation.hasPrefix("Lớn nhất: 40 (đơn vị c)"))
    }

    @Test(arguments: RollUpRule.allCases)
    func allMissingGivesNoNumber(rule: RollUpRule) {
        let result = RollUp.combine(rule, children: [child("a", nil), child("b", nil)])
        #expect(result.number == nil)
        #expect(result.reported.isEmpty)
        #expect(result.missing == ["a", "b"])
        #expect(result.explanation.contains("(0/2 đơn vị báo cáo)"))
        #expect(!result.explanation.contains("a,"), "who is missing is `missing`, named by the reader, not codes in the prose")
    }

    @Test func noneGivesNoNumberEvenWhenChildrenReported() {
        let result = RollUp.combine(.none, children: [child("a", 5), child("b", nil)])
        #expect(result.number == nil)
        #expect(result.reported == ["a"])
        #expect(result.missing == ["b"])
        #expect(result.explanation.hasPrefix("Không tổng hợp"))
    }

    @Test func noChildrenAtAll() {
        let result = RollUp.combine(.sum, children: [])
        #expect(result.number == nil)
        #expect(result.explanation == "Cộng: không có đơn vị cấp dưới (0/0 đơn vị báo cáo).")
    }

    @Test func nonFiniteChildIsMissing() {
        let result = RollUp.combine(.sum, children: [child("a", .nan), child("b", 2)])
        #expect(result.number?.value == 2)
        #expect(result.missing == ["a"])
    }
}
