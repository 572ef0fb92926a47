/// How a unit is scored: tasks completed on time with accepted evidence, out of the tasks
/// that have fallen due. A claim sent back for rework scores nothing until accepted.
public struct ScoreFormula: Sendable {
    /// The formula in words, shown beside every ranking.
    public static let text = "Điểm = số nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận ÷ số nhiệm vụ đến hạn × 100%"

    /// The score of a unit with `dueTasks` due and `completedOnTimeWithAcceptedEvidence`
    /// of them done on time with accepted evidence.
    ///
    /// Counts below zero are taken as 0, and the on-time count is capped at the due
    /// count, so the percent always lies in 0...100.
    public static func score(dueTasks: Int, completedOnTimeWithAcceptedEvidence: Int) -> UnitScore {
        let due = max(0, dueTasks)
        let onTime = min(due, max(0, completedOnTimeWithAcceptedEvidence))
        guard due > 0 else {
            return UnitScore(
                due: 0, onTime: 0, percent: nil, band: .none,
                explanation: "Chưa có nhiệm vụ đến hạn nên chưa tính điểm")
        }
        let shown = VietnameseNumber.format(tenths: VietnameseNumber.tenthsOfPercent(onTime, of: due))
        return UnitScore(
            due: due, onTime: onTime,
            percent: Double(onTime) * 100 / Double(due),
            band: ScoreBand(due: due, onTime: onTime),
            explanation: "\(onTime)/\(due) nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận = \(shown)%")
    }
}
