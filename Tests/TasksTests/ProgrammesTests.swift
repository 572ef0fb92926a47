import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import TasksCore

/// Programmes (`tasks.programmes.*`) and the programme of plans, through the service's parts.
@Suite struct ProgrammesTests {
    static let steeringProvince = Caller(account: "a-bcd", username: "bcd.tinh", session: "s4",
                                         grants: [Grant(role: .steering, unitId: "vn-75", unitPath: FixedUnits.paths["vn-75"]!)])
    static let centralAdmin = Caller(account: "a-adm", username: "admin", session: "s5",
                                     grants: [Grant(role: .admin, unitId: "vn", unitPath: "/vn/")])

    /// Xã Bình Tân's own programme.
    static let binhTanOwn = TasksProgrammeCreate.Params(code: " BT-CDS ", name: "Chương trình chuyển đổi số xã Bình Tân 2026",
                                                        shortName: "CĐS Bình Tân", kind: .local, ownerUnitId: "vn-75-25246")

    @Test("The national resolutions are there from the start, and a plan that names no programme implements 57-NQ/TW")
    func nationalFromTheStart() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let programmes = try await TaskProgrammes(fixture.context).list()
        #expect(programmes.map(\.code) == ["nq57", "nq59", "nq66", "nq68", "nq70", "nq71", "nq72"])
        #expect(programmes.allSatisfy { $0.kind == .national && $0.ownerUnitId == "vn" && $0.kindLabel == "Nghị quyết Trung ương" })
        #expect(programmes.first?.name.contains("57-NQ/TW") == true)
        let plan = try await fixture.plan()
        #expect(plan.programme == "nq57")
    }

    @Test("A unit's own programme: created (code normalised), listed after the national ones, and only its own plans join it")
    func ownProgramme() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let programmes = TaskProgrammes(fixture.context)
        let created = try await programmes.create(Self.binhTanOwn)
        #expect(created == ProgrammeInfo(code: "bt-cds", name: "Chương trình chuyển đổi số xã Bình Tân 2026", shortName: "CĐS Bình Tân",
                                         kind: .local, ownerUnitId: "vn-75-25246"))
        #expect(try await programmes.list().last == created)

        let own = try await fixture.planning.createPlan(.init(
            number: "05-KH/UBND", title: "Kế hoạch chuyển đổi số xã", issuingUnitId: "vn-75-25246", issuedOn: "2026-01-05", implements: [],
            groups: [TaskGroupInfo(code: "I", title: "Hạ tầng")], programme: "BT-CDS"), caller: TasksFixture.reviewer)
        #expect(own.programme == "bt-cds")
        // Phường Bình Phước is not below xã Bình Tân: its plans cannot join Bình Tân's own programme.
        let reviewerBinhPhuoc = Caller(account: "a-rev2", username: "vp.bp", session: "s6",
                                       grants: [Grant(role: .reviewer, unitId: "vn-75-25195", unitPath: FixedUnits.paths["vn-75-25195"]!)])
        let foreign = await rpcError {
            _ = try await fixture.planning.createPlan(.init(
                number: "01-KH", title: "Kế hoạch", issuingUnitId: "vn-75-25195", issuedOn: "2026-01-05", implements: [],
                groups: [TaskGroupInfo(code: "I", title: "Hạ tầng")], programme: "bt-cds"), caller: reviewerBinhPhuoc)
        }
        #expect(foreign?.code == .failedPrecondition)
        #expect(foreign?.details?["field"] == "programme")
        let unknown = await rpcError {
            _ = try await fixture.planning.createPlan(.init(
                number: "02-KH", title: "Kế hoạch", issuingUnitId: "vn-75-25246", issuedOn: "2026-01-05", implements: [],
                groups: [TaskGroupInfo(code: "I", title: "Hạ tầng")], programme: "nq99"), caller: TasksFixture.reviewer)
        }
        #expect(unknown?.code == .notFound)
        #expect(unknown?.details?["field"] == "programme")
        #expect(try await fixture.planning.listPlans(unitId: "vn-75").map(\.number) == ["05-KH/UBND"], "nothing half-written")
    }

    @Test("Bad input: duplicate code, empty name, malformed code, a national resolution below the root", arguments: [
        "duplicate", "duplicate in capitals", "empty name", "malformed code", "empty code", "national below the root",
    ])
    func badInput(_ label: String) async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let programmes = TaskProgrammes(fixture.context)
        _ = try await programmes.create(Self.binhTanOwn)
        var params = Self.binhTanOwn
        let expected: (ErrorCode, String, String)
        switch label {
        case "duplicate": expected = (.alreadyExists, "code", "Đã có chương trình mã bt-cds.")
        case "duplicate in capitals":
            params.code = "NQ71"
            expected = (.alreadyExists, "code", "Đã có chương trình mã nq71.")
        case "empty name":
            params.code = "bt-khcn"
            params.name = "  \n"
            expected = (.invalidArgument, "name", "Thiếu tên chương trình.")
        case "malformed code":
            params.code = "chương trình"
            expected = (.invalidArgument, "code", "Mã chương trình")
        case "empty code":
            params.code = " "
            expected = (.invalidArgument, "code", "Thiếu mã chương trình.")
        default:
            params.code = "nq80"
            params.kind = .national
            expected = (.invalidArgument, "ownerUnitId", "Nghị quyết Trung ương được khai báo tại đơn vị gốc")
        }
        let error = await rpcError { _ = try await programmes.create(params) }
        #expect(error?.code == expected.0)
        #expect(error?.details?["field"] == expected.1)
        #expect(error?.message.hasPrefix(expected.2) == true, "\(error?.message ?? "")")
        #expect(try await programmes.list().count == 8, "only the national seven and Bình Tân's own")
    }

    @Test("A national resolution declared at the root joins the list among the national ones")
    func nationalAtTheRoot() async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let programmes = TaskProgrammes(fixture.context)
        let created = try await programmes.create(.init(code: "nq80", name: "Nghị quyết số 80-NQ/TW", kind: .national, ownerUnitId: "vn"))
        #expect(created.shortName == "NQ80")
        #expect(try await programmes.list().map(\.code) == ["nq57", "nq59", "nq66", "nq68", "nq70", "nq71", "nq72", "nq80"])
    }

    @Test("Every read refuses a malformed programme filter (invalid_argument) and an unknown one (not_found)", arguments: [
        ("nq 57", ErrorCode.invalidArgument), ("nq99", ErrorCode.notFound),
    ])
    func badFilter(_ programme: String, _ code: ErrorCode) async throws {
        let fixture = try TasksFixture()
        defer { fixture.remove() }
        let calls: [() async throws -> Void] = [
            { _ = try await fixture.reads.list(.init(unitId: "vn-75", programme: programme)) },
            { _ = try await fixture.reads.publicPlans(.init(unitId: "vn-75", programme: programme)) },
            { _ = try await fixture.planning.listPlans(unitId: "vn-75", programme: programme) },
            { _ = try await fixture.reports.flags(UnitAsOf(unitId: "vn-75", programme: programme)) },
            { _ = try await fixture.reports.scores(UnitAsOf(unitId: "vn-75", programme: programme)) },
            { _ = try await fixture.reports.dashboard(UnitAsOf(unitId: "vn-75", programme: programme)) },
        ]
        for call in calls {
            let error = await rpcError(call)
            #expect(error?.code == code)
            #expect(error?.details?["field"] == "programme")
        }
    }
}
