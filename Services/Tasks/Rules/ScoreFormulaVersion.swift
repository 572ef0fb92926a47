/// The versions of the scoring formula. Every version stays in the code, so a score shown on a
/// day can be computed again later with the formula of that day (`tasks.scores` takes
/// `formulaVersion`; its answer names the version it used).
public enum ScoreFormulaVersion: Int, Codable, Sendable, CaseIterable {
    /// Until 06/12/2026: every ended report period of a recurring task counted as one due task.
    case v1 = 1
    /// From 07/12/2026: tasks are counted as tasks. A recurring task is one due task once a report
    /// period has ended, and scores the share of its periods reported on time; the periods are
    /// shown apart.
    case v2 = 2

    /// The version used when none is asked for.
    public static let current: ScoreFormulaVersion = .v2

    /// The first day (yyyy-MM-dd) the version was the one in force.
    public var inForceFrom: String {
        switch self {
        case .v1: "2025-11-01"
        case .v2: "2026-12-07"
        }
    }

    /// The version in force on `day` (yyyy-MM-dd): the last one whose first day is on or before it.
    public static func inForce(on day: String) -> ScoreFormulaVersion {
        allCases.last { $0.inForceFrom <= day } ?? .v1
    }

    /// The formula in words, shown beside every ranking with its version.
    public var text: String {
        switch self {
        case .v1:
            "Điểm = số nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận ÷ số nhiệm vụ đến hạn × 100% "
                + "(mỗi kỳ báo cáo của nhiệm vụ thường xuyên tính như một nhiệm vụ)"
        case .v2:
            "Điểm = (nhiệm vụ có thời hạn đã đến hạn, hoàn thành đúng hạn, có minh chứng được chấp nhận "
                + "+ với mỗi nhiệm vụ thường xuyên: tỷ lệ kỳ báo cáo đúng hạn) ÷ số nhiệm vụ đến hạn × 100%. "
                + "Kỳ báo cáo tính riêng, không tính như nhiệm vụ; đơn vị chưa có nhiệm vụ đến hạn không xếp hạng; "
                + "điểm bằng nhau (làm tròn 0,1) cùng hạng"
        }
    }

    /// "Cách tính v2 (áp dụng từ 07/12/2026)".
    public var label: String {
        let parts = inForceFrom.split(separator: "-")
        return "Cách tính v\(rawValue) (áp dụng từ \(parts[2])/\(parts[1])/\(parts[0]))"
    }
}
