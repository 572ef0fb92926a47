import NQ57API
import NQ57TestSupport

/// The small tree most system tests start from: Tỉnh Đồng Nai, xã Bình Tân and its Phòng Kinh tế,
/// with the department's staff (cv.pkt) and head (tp.pkt) and the commune's reviewer (vp.binhtan),
/// each with an address at the demo's reserved domain.
enum BinhTanDepartment {
    /// Everyone's password.
    static let password = "mat-khau-thu-nghiem"
    /// The people: username, display name, role, unit.
    static let people: [(username: String, name: String, role: Role, unitId: String)] = [
        ("cv.pkt", "Nguyễn Thị Hường", .staff, "vn-75-25246-pkt"),
        ("tp.pkt", "Trần Văn Bình", .head, "vn-75-25246-pkt"),
        ("vp.binhtan", "Lê Thu Hà", .reviewer, "vn-75-25246"),
    ]

    /// Creates the units and the people through the gateway as `admin`.
    static func create(in system: TestSystem, admin: String) async throws {
        let client = system.client
        for unit in [
            AuthUnitsCreate.Params(id: "vn-75", parentId: "vn", kind: .province, code: "75", names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246", parentId: "vn-75", kind: .commune, code: "25246", names: [UnitName(name: "Xã Bình Tân", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246-pkt", parentId: "vn-75-25246", kind: .department, names: [UnitName(name: "Phòng Kinh tế", validFrom: "2025-07-01")]),
        ] {
            _ = try await client.call(AuthUnitsCreate.self, unit, token: admin)
        }
        for person in people {
            _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: person.username, displayName: person.name, unitId: person.unitId,
                                                                             password: password, email: "\(person.username)@demo.nq57.invalid"), token: admin)
            _ = try await client.call(AuthUsersGrant.self, GrantParams(username: person.username, role: person.role, unitId: person.unitId), token: admin)
        }
    }
}
