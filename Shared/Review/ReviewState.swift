/// Where a reviewed thing stands: a task claim, a KPI value, a request to publish evidence.
/// One vocabulary for every reviewed thing (DESIGN.md: one review state machine).
public enum ReviewState: String, Codable, Sendable, CaseIterable {
    /// Being prepared by the unit; nobody has asked for a review yet.
    case draft
    /// Sent for review; waiting for a decision.
    case submitted
    /// Accepted by someone other than its authors.
    case accepted
    /// Sent back with a reason; the unit must complete it and submit again.
    case sentBack
    /// Accepted once, then withdrawn (a publication taken down).
    case withdrawn

    /// The Vietnamese name shown to people.
    public var displayName: String {
        switch self {
        case .draft: "Đang soạn"
        case .submitted: "Chờ thẩm định"
        case .accepted: "Đã chấp nhận"
        case .sentBack: "Chờ hoàn thiện"
        case .withdrawn: "Đã thu hồi"
        }
    }
}
