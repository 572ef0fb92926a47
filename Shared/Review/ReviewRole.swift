/// The roles that matter to a review, as the services map them from the account's grants.
public enum ReviewRole: String, Codable, Sendable, CaseIterable {
    /// Chuyên viên of the unit (or above it).
    case staff
    /// Người đứng đầu of the unit (or above it).
    case head
    /// Cơ quan thẩm định above the unit.
    case reviewer

    /// The Vietnamese name shown to people.
    public var displayName: String {
        switch self {
        case .staff: "Chuyên viên"
        case .head: "Người đứng đầu"
        case .reviewer: "Cơ quan thẩm định"
        }
    }
}
