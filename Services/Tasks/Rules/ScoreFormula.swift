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

extension ScoreFormula {
    /// The score of a unit's tally under `version`; the percent is rounded to tenths, and the
    /// band follows the rounded percent, so the name always agrees with the figure shown.
    public static func score(_ tally: ScoreTally, version: ScoreFormulaVersion) -> UnitScore {
        switch version {
        case .v1:
            return score(dueTasks: tally.tasksDue + tally.reportsDue,
                         completedOnTimeWithAcceptedEvidence: tally.tasksOnTime + tally.reportsOnTime)
        case .v2:
            let due = tally.tasksDue + tally.recurringDue
            guard due > 0 else {
                return UnitScore(due: 0, onTime: 0, percent: nil, band: .none,
                                 explanation: "Chưa có nhiệm vụ đến hạn nên chưa tính điểm, không xếp hạng")
            }
            let credit = Double(tally.tasksOnTime) + tally.recurringCredit
            let tenths = Int((credit * 1000 / Double(due)).rounded())
            let percent = Double(tenths) / 10
            var parts = ["\(tally.tasksOnTime)/\(tally.tasksDue) nhiệm vụ có thời hạn hoàn thành đúng hạn"]
            if tally.recurringDue > 0 {
                let creditText = VietnameseNumber.format(tenths: Int((tally.recurringCredit * 10).rounded()), trimZero: true)
                parts.append("\(tally.recurringDue) nhiệm vụ thường xuyên: \(tally.reportsOnTime)/\(tally.reportsDue) kỳ báo cáo đúng hạn (tính \(creditText) nhiệm vụ)")
            }
            let creditText = VietnameseNumber.format(tenths: Int((credit * 10).rounded()), trimZero: true)
            return UnitScore(due: due, onTime: tally.tasksOnTime, percent: percent, band: ScoreBand(percent: percent),
                             explanation: parts.joined(separator: "; ") + " → \(creditText)/\(due) = \(VietnameseNumber.format(tenths: tenths))%")
        }
    }
}
