import Testing
import NQ57Calendar
@testable import MetricsRules

private let start = Day(year: 2026, month: 1, day: 1)!
/// 100 days after `start`: 11/04/2026.
private let due = start.adding(days: 100)
/// From 0 to 100 over 100 days: the line expects `n` on day `start + n`.
private let rising = Roadmap(baseline: 0, start: start, target: 100, due: due)

private func status(_ value: Double?, on days: Int, _ roadmap: Roadmap? = rising, _ direction: Direction = .atLeast) -> CompletionStatus {
    CompletionRules.evaluate(value: value, roadmap: roadmap, direction: direction, asOf: start.adding(days: days)).status
}

@Suite("Completion against the roadmap")
struct CompletionTests {
    @Test func roadmapLine() {
        #expect(due.description == "11/04/2026")
        #expect(rising.expected(on: start.adding(days: -5)) == 0)
        #expect(rising.expected(on: start.adding(days: 37)) == 37)
        #expect(rising.expected(on: due) == 100)
        #expect(rising.expected(on: due.adding(days: 9)) == 100)
        let odd = Roadmap(baseline: 0.1, start: start, target: 0.3, due: due)
        #expect(odd.expected(on: due) == 0.3)
    }

    @Test func onTheLineIsOnTrackAndADayLaterAtRisk() {
        let onLine = CompletionRules.evaluate(value: 30, roadmap: rising, direction: .atLeast, asOf: start.adding(days: 30))
        #expect(onLine.status == .onTrack)
        #expect(onLine.expected == 30)
        #expect(onLine.ratio == 1)
        #expect(onLine.explanation
            == "Đúng lộ trình: giá trị 30 theo kịp mức lộ trình 30 của ngày 31/01/2026 (chỉ tiêu ≥ 100, hạn 11/04/2026).")
        #expect(status(30, on: 31) == .atRisk)
    }

    @Test func halfTheExpectedProgressIsAtRiskAndLessIsRed() {
        let half = CompletionRules.evaluate(value: 20, roadmap: rising, direction: .atLeast, asOf: start.adding(days: 40))
        #expect(half.status == .atRisk)
        #expect(half.ratio == 0.5)
        #expect(status(19.99, on: 40) == .red)
        #expect(status(20, on: 41) == .red)
        let red = CompletionRules.evaluate(value: 12, roadmap: rising, direction: .atLeast, asOf: start.adding(days: 40))
        #expect(red.explanation.contains("tiến độ đạt 30% so với lộ trình thời gian, thấp hơn 50%"))
        #expect(red.explanation.contains("mức lộ trình 40 của ngày 10/02/2026"))
    }

    @Test func boundariesAreExactWithABaseline() {
        // From 20 to 70 over 365 days; on day 73 the line is at 30.
        let roadmap = Roadmap(baseline: 20, start: start, target: 70, due: start.adding(days: 365))
        #expect(status(30, on: 73, roadmap) == .onTrack)
        #expect(status(25, on: 73, roadmap) == .atRisk)
        #expect(status(24.999, on: 73, roadmap) == .red)
    }

    @Test func reachingTheTargetIsMet() {
        #expect(status(100, on: 10) == .met)
        #expect(status(120, on: 500) == .met)
        let met = CompletionRules.evaluate(value: 100, roadmap: rising, direction: .atLeast, asOf: start.adding(days: 10))
        #expect(met.explanation == "Đạt: giá trị 100 đã đạt chỉ tiêu ≥ 100 (hạn 11/04/2026).")
    }

    @Test func notReachedAfterDueIsRed() {
        #expect(status(99, on: 100) == .atRisk)
        #expect(status(99, on: 101) == .red)
        let late = CompletionRules.evaluate(value: 99, roadmap: rising, direction: .atLeast, asOf: due.adding(days: 1))
        #expect(late.explanation.contains("quá hạn 11/04/2026"))
    }

    @Test func notReportedComesBeforeNoTarget() {
        let missing = CompletionRules.evaluate(value: nil, roadmap: rising, direction: .atLeast, asOf: start.adding(days: 30))
        #expect(missing.status == .notReported)
        #expect(missing.expected == 30)
        #expect(missing.explanation.contains("cần đạt 30"))
        #expect(status(nil, on: 30, nil) == .notReported)
        let unknown = CompletionRules.evaluate(value: 30, roadmap: nil, direction: .atLeast, asOf: start)
        #expect(unknown.status == .noTarget)
        #expect(unknown.expected == nil)
        #expect(unknown.ratio == nil)
    }

    @Test func nothingExpectedBeforeTheStart() {
        let roadmap = Roadmap(baseline: 20, start: start, target: 70, due: due)
        #expect(status(20, on: 0, roadmap) == .onTrack)
        #expect(status(21, on: -3, roadmap) == .onTrack)
        #expect(status(19, on: 0, roadmap) == .atRisk)
    }

    @Test func atMostIsTheMirrorImage() {
        // From 20 down to 10 over 100 days; on day 50 the line is at 15.
        let falling = Roadmap(baseline: 20, start: start, target: 10, due: due)
        #expect(status(15, on: 50, falling, .atMost) == .onTrack)
        #expect(status(16, on: 50, falling, .atMost) == .atRisk)
        #expect(status(17.5, on: 50, falling, .atMost) == .atRisk)
        #expect(status(17.6, on: 50, falling, .atMost) == .red)
        #expect(status(9, on: 50, falling, .atMost) == .met)
        #expect(status(11, on: 101, falling, .atMost) == .red)
        let ratio = CompletionRules.evaluate(value: 16, roadmap: falling, direction: .atMost, asOf: start.adding(days: 50)).ratio
        #expect(ratio == 0.8)
    }

    @Test func exactlyIsMetOnlyAtTheTarget() {
        let roadmap = Roadmap(baseline: 0, start: start, target: 80, due: due)
        #expect(status(80, on: 50, roadmap, .exactly) == .met)
        #expect(status(85, on: 50, roadmap, .exactly) == .onTrack)
        #expect(status(85, on: 101, roadmap, .exactly) == .red)
        let down = Roadmap(baseline: 100, start: start, target: 80, due: due)
        #expect(status(90, on: 50, down, .exactly) == .onTrack)
        #expect(status(96, on: 50, down, .exactly) == .red)
    }

    @Test func doneIndicators() {
        let task = Roadmap(baseline: 0, start: start, target: 1, due: due)
        #expect(status(1, on: 200, task, .done) == .met)
        #expect(status(0, on: 100, task, .done) == .onTrack)
        #expect(status(0, on: 101, task, .done) == .red)
        #expect(status(nil, on: 101, task, .done) == .notReported)
        let late = CompletionRules.evaluate(value: 0, roadmap: task, direction: .done, asOf: due.adding(days: 1))
        #expect(late.explanation == "Cảnh báo đỏ: đã quá hạn 11/04/2026 mà chưa hoàn thành.")
        #expect(late.expected == nil)
    }

    @Test func statusNames() {
        #expect(CompletionStatus.allCases.map(\.displayName)
            == ["Đạt", "Đúng lộ trình", "Có nguy cơ", "Cảnh báo đỏ", "Chưa báo cáo", "Chưa có chỉ tiêu"])
    }
}
