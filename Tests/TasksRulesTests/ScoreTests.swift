import Testing
@testable import TasksRules

/// The unit score, its explanation and its bands.
@Suite struct ScoreTests {
    @Test("The explanation states the counts and the percent with a decimal comma")
    func explanation() throws {
        let score = ScoreFormula.score(dueTasks: 20, completedOnTimeWithAcceptedEvidence: 12)
        #expect(score.due == 20 && score.onTime == 12)
        #expect(try #require(score.percent) == 60)
        #expect(score.explanation == "12/20 nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận = 60,0%")
        #expect(score.band == .fair)
        let thirds = ScoreFormula.score(dueTasks: 3, completedOnTimeWithAcceptedEvidence: 2)
        #expect(thirds.explanation == "2/3 nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận = 66,7%")
        #expect(ScoreFormula.score(dueTasks: 7, completedOnTimeWithAcceptedEvidence: 7).explanation.hasSuffix("= 100,0%"))
        #expect(ScoreFormula.score(dueTasks: 8, completedOnTimeWithAcceptedEvidence: 0).explanation.hasSuffix("= 0,0%"))
    }

    @Test("Nothing due: no percent, no band")
    func nothingDue() {
        let score = ScoreFormula.score(dueTasks: 0, completedOnTimeWithAcceptedEvidence: 0)
        #expect(score.percent == nil)
        #expect(score.band == .none)
        #expect(score.band.displayName == "Chưa có nhiệm vụ đến hạn")
        #expect(score.explanation == "Chưa có nhiệm vụ đến hạn nên chưa tính điểm")
    }

    @Test("Bands start at exactly 90, 70 and 50", arguments: [
        (10, 9, ScoreBand.excellent), (1000, 899, .good), (10, 7, .good), (1000, 699, .fair),
        (10, 5, .fair), (1000, 499, .poor), (10, 0, .poor), (20, 20, .excellent),
    ])
    func bands(due: Int, onTime: Int, band: ScoreBand) {
        let score = ScoreFormula.score(dueTasks: due, completedOnTimeWithAcceptedEvidence: onTime)
        #expect(score.band == band)
        #expect(ScoreBand(percent: score.percent) == band)
    }

    @Test("Bands from a percent")
    func bandsFromPercent() {
        #expect(ScoreBand(percent: 90) == .excellent)
        #expect(ScoreBand(percent: 89.99) == .good)
        #expect(ScoreBand(percent: 70) == .good)
        #expect(ScoreBand(percent: 69.99) == .fair)
        #expect(ScoreBand(percent: 50) == .fair)
        #expect(ScoreBand(percent: 49.99) == .poor)
        #expect(ScoreBand(percent: nil) == .none)
        #expect(ScoreBand.allCases.map(\.displayName) == ["Xuất sắc", "Tốt", "Trung bình", "Yếu", "Chưa có nhiệm vụ đến hạn"])
    }

    @Test("Counts out of range are clamped so the percent stays in 0...100")
    func clamped() {
        let over = ScoreFormula.score(dueTasks: 5, completedOnTimeWithAcceptedEvidence: 9)
        #expect(over.onTime == 5 && over.percent == 100)
        let negative = ScoreFormula.score(dueTasks: 5, completedOnTimeWithAcceptedEvidence: -2)
        #expect(negative.onTime == 0 && negative.percent == 0)
        #expect(ScoreFormula.score(dueTasks: -3, completedOnTimeWithAcceptedEvidence: 1).percent == nil)
    }
}
