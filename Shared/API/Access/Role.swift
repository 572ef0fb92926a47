/// A role held at a unit; it reaches that unit and every unit below it (DESIGN.md § roles).
public enum Role: String, Codable, Sendable, CaseIterable, ShapeEnumerable, Comparable {
    /// Chuyên viên: drafts progress updates and KPI values, uploads evidence.
    case staff
    /// Người đứng đầu: confirms and submits what the unit reports.
    case head
    /// Văn phòng Đảng ủy: assigns tasks, appraises evidence, accepts or sends back.
    case reviewer
    /// Ban Chỉ đạo: dashboards, red flags, rankings, reports.
    case steering
    /// Ủy ban Kiểm tra: reads everything below, and the audit log.
    case inspector
    /// The data centre: units, accounts, keys, backups.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The Vietnamese name shown to people.
    public var displayName: String {
        switch self {
        case .staff: "Chuyên viên"
        case .head: "Người đứng đầu"
        case .reviewer: "Cơ quan thẩm định"
        case .steering: "Ban Chỉ đạo"
        case .inspector: "Ủy ban Kiểm tra"
        case .admin: "Quản trị hệ thống"
        }
    }
}

/// One role of an account at one unit, with the unit's place in the tree so that reach can
/// be decided without a lookup.
extension Role {
    /// Every role that reads a unit's work (its plans, tasks, indicators and reports).
    public static let readers: [Role] = [.staff, .head, .reviewer, .steering, .inspector, .admin]
}

public struct Grant: Codable, Sendable, Hashable, ShapeDocumented {
    /// The role.
    public var role: Role
    /// The unit's id.
    public var unitId: String
    /// The unit's path from the root, `/vn/vn-75/vn-75-25246/`: a unit is below another when
    /// its path starts with the other's.
    public var unitPath: String

    /// Creates a grant.
    public init(role: Role, unitId: String, unitPath: String) {
        self.role = role
        self.unitId = unitId
        self.unitPath = unitPath
    }

    public static var fieldDocs: [String: String] {
        ["role": "the role", "unitId": "the unit it is held at", "unitPath": "the unit's path from the root"]
    }
}
