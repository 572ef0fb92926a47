/// The kind of a task's deadline, one name each with its Vietnamese label.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable {
    /// Due on a fixed day.
    case due
    /// Thực hiện thường xuyên: a report every period.
    case recurring
    /// The source states no time.
    case undetermined

    /// The Vietnamese label, e.g. "Chưa xác định thời hạn".
    public var displayName: String {
        switch self {
        case .due: "Có thời hạn"
        case .recurring: "Thực hiện thường xuyên"
        case .undetermined: "Chưa xác định thời hạn"
        }
    }
}
