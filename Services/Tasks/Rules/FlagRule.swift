/// A rule that raises a flag on a task: five red flags (cảnh báo đỏ) and two yellow warnings (due soon; no
/// deadline, a class of its own on dashboards). The fifth red flag is raised on the unit asked to explain a flag
/// (about a task or a KPI) that did not answer by the date given.
public enum FlagRule: String, Codable, Sendable, CaseIterable {
    /// Red: the deadline has passed and the task is not completed.
    case overdue
    /// Red: progress is below half of the share of time that has elapsed.
    case behindSchedule
    /// Red: the claim was judged not good enough and sent back for rework.
    case sentBack
    /// Red: a recurring task's report for a period that has ended was never sent.
    case missingReport
    /// Yellow: the deadline is within the warning days and nothing has been submitted.
    case dueSoon
    /// Yellow: the source states no time and nobody has set a deadline yet.
    case noDeadline
    /// Red: a request for explanation (yêu cầu giải trình) was not answered by its date.
    case explanationOverdue

    /// Whether this is a red flag; `dueSoon` and `noDeadline` are yellow warnings.
    public var isRed: Bool {
        self != .dueSoon && self != .noDeadline
    }

    /// Red or yellow.
    public var level: FlagLevel { isRed ? .red : .yellow }

    /// The short Vietnamese name, e.g. "Quá hạn".
    public var displayName: String {
        switch self {
        case .overdue: "Quá hạn"
        case .behindSchedule: "Chậm tiến độ"
        case .sentBack: "Chưa đạt sau thẩm định"
        case .missingReport: "Thiếu báo cáo định kỳ"
        case .dueSoon: "Sắp đến hạn"
        case .noDeadline: "Chưa có thời hạn"
        case .explanationOverdue: "Không giải trình đúng hạn"
        }
    }

    /// The rule as the plans state it (for `dueSoon`, with the default 7 warning days).
    public var ruleText: String {
        switch self {
        case .overdue: "Quá hạn mà chưa hoàn thành"
        case .behindSchedule: "Tiến độ dưới 50% so với lộ trình thời gian"
        case .sentBack: "Bị đánh giá chưa đạt sau thẩm định (chờ hoàn thiện)"
        case .missingReport: "Không gửi báo cáo định kỳ"
        case .dueSoon: "Sắp đến hạn trong 7 ngày mà chưa gửi"
        case .noDeadline: "Văn bản không nêu thời hạn, chưa có quyết định đặt thời hạn"
        case .explanationOverdue: "Không trả lời yêu cầu giải trình đúng hạn"
        }
    }
}
