/// A unit's score: the share of its due tasks completed on time with accepted evidence.
public struct UnitScore: Codable, Sendable, Equatable {
    /// How many of its tasks have fallen due.
    public let due: Int
    /// How many of those were completed on time with evidence the reviewer accepted.
    public let onTime: Int
    /// `onTime / due × 100`, in 0...100; `nil` when nothing is due yet.
    public let percent: Double?
    /// The band the score falls in.
    public let band: ScoreBand
    /// How the score was reached, in Vietnamese with the numbers, e.g.
    /// "12/20 nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận = 60,0%".
    public let explanation: String

    /// Creates the score.
    public init(due: Int, onTime: Int, percent: Double?, band: ScoreBand, explanation: String) {
        self.due = due
        self.onTime = onTime
        self.percent = percent
        self.band = band
        self.explanation = explanation
    }
}
