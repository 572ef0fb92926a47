/// How often a recurring task (thực hiện thường xuyên, hằng năm …) must be reported on.
public enum Period: String, Codable, Sendable, CaseIterable {
    /// Every month (hằng tháng); also what "thực hiện thường xuyên" means.
    case month
    /// Every quarter (hằng quý).
    case quarter
    /// Every six months (6 tháng một lần).
    case halfYear
    /// Every year (hằng năm).
    case year

    /// The Vietnamese name of the rhythm, e.g. "Hằng tháng".
    public var displayName: String {
        switch self {
        case .month: "Hằng tháng"
        case .quarter: "Hằng quý"
        case .halfYear: "6 tháng một lần"
        case .year: "Hằng năm"
        }
    }
}
