import Foundation
import GRDB
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import AuthCore

/// Renames, merges and splits through the auth service: recorded (who, when, why), audited,
/// refused with the right code and field, and read back as the tree of a day.
@Suite struct UnitChangeTests {
    /// The fixture's tree plus xã A, B, C and D under the province, all from 01/07/2025.
    func fixture() async throws -> AuthFixture {
        let fixture = try await AuthFixture()
        for id in ["vn-75-90001", "vn-75-90002", "vn-75-90003", "vn-75-90004"] {
            _ = try await fixture.authority.units.createUnit(.init(id: id, parentId: "vn-75", kind: .commune,
                                                                   names: [UnitName(name: "Xã \(id.suffix(1))", validFrom: "2025-07-01")]),
                                                             caller: fixture.admin)
        }
        return fixture
    }

    func merge(_ fixture: AuthFixture, _ ids: [String], into: String, on day: String, caller: Caller? = nil) async throws -> UnitChangeInfo {
        try await fixture.authority.units.merge(.init(unitIds: ids, into: into, effectiveOn: day, reason: "Nghị quyết sáp nhập (thử)"),
                                                caller: caller ?? fixture.admin)
    }

    @Test("A merge ends the merged units on its day, links them to the unit that carries on, and is recorded and audited")
    func mergeRecorded() async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        let change = try await merge(fixture, ["vn-75-90001", "vn-75-90002"], into: "vn-75-90003", on: "2026-03-01")
        #expect(change.kind == .merge && change.kindLabel == "Sáp nhập")
        #expect(change.fromUnitIds == ["vn-75-90001", "vn-75-90002"] && change.toUnitIds == ["vn-75-90003"])
        #expect(change.username == "admin" && change.reason == "Nghị quyết sáp nhập (thử)")

        let before = try await fixture.authority.units.tree(.init(under: "vn-75", asOf: "2026-02-28")).units.map(\.id)
        let after = try await fixture.authority.units.tree(.init(under: "vn-75", asOf: "2026-03-01")).units.map(\.id)
        #expect(before.contains("vn-75-90001") && before.contains("vn-75-90002"))
        #expect(!after.contains("vn-75-90001") && !after.contains("vn-75-90002") && after.contains("vn-75-90003"))

        let ended = try await fixture.authority.units.get(.init(unitId: "vn-75-90001", asOf: "2025-12-01"))
        #expect(ended.unit.endedOn == "2026-03-01" && ended.unit.successorIds == ["vn-75-90003"])
        #expect(ended.history.map(\.id) == [change.id], "the merged unit keeps its history")
        let carrier = try await fixture.authority.units.get(.init(unitId: "vn-75-90003"))
        #expect(carrier.unit.predecessorIds == ["vn-75-90001", "vn-75-90002"])

        let audit = try await fixture.authority.audit.listAudit(AuthAuditList.Params(unitId: "vn-75", action: "unitsMerged"), caller: fixture.admin)
        #expect(Set(audit.entries.compactMap(\.target).map { $0.split(separator: " ")[0] })
                == ["unit:vn-75-90001", "unit:vn-75-90002", "unit:vn-75-90003"])
    }

    @Test("A split ends one unit and names at least two successors")
    func split() async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        let change = try await fixture.authority.units.split(.init(unitId: "vn-75-90004", into: ["vn-75-90001", "vn-75-90002"],
                                                                   effectiveOn: "2026-06-01", reason: "Quyết định chia tách (thử)"),
                                                             caller: fixture.admin)
        #expect(change.kind == .split && change.fromUnitIds == ["vn-75-90004"])
        let split = try await fixture.authority.units.get(.init(unitId: "vn-75-90004"))
        #expect(split.unit.endedOn == "2026-06-01" && split.unit.successorIds == ["vn-75-90001", "vn-75-90002"])
    }

    @Test("The tree of a day names each unit as on that day, with today's name beside")
    func namesAsOf() async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        fixture.clock.advance(by: ISO8601DateFormatter().date(from: "2026-06-01T03:00:00Z")!.timeIntervalSince(AuthFixture.start))
        let old = try await fixture.authority.units.tree(.init(under: "vn-75", asOf: "2026-01-15"))
        let province = try #require(old.units.first { $0.id == "vn-75" })
        #expect(province.name == "Tỉnh Đồng Nai" && province.currentName == "Thành phố Đồng Nai")
        let today = try await fixture.authority.units.tree(.init(under: "vn-75"))
        #expect(today.asOf == "2026-06-01")
        #expect(today.units.first { $0.id == "vn-75" }?.name == "Thành phố Đồng Nai")
        let history = try await fixture.authority.units.get(.init(unitId: "vn-75")).history
        #expect(history.map(\.kind) == [.rename] && history.first?.newName == "Thành phố Đồng Nai" && history.first?.effectiveOn == "2026-04-30")
    }

    @Test("Hòa and Hoà are one name: not a rename, not a second name when a unit is created")
    func accentPlacement() async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        let created = try await fixture.authority.units.createUnit(.init(
            id: "vn-75-26068", parentId: "vn-75", kind: .commune, code: "26068",
            names: [UnitName(name: "Phường Biên Hòa", validFrom: "2025-07-01"), UnitName(name: "Phường Biên Hoà", validFrom: "2026-04-30")]),
            caller: fixture.admin)
        #expect(created.names == [UnitName(name: "Phường Biên Hòa", validFrom: "2025-07-01")])
        let refusal = await rpcError {
            _ = try await fixture.authority.units.renameUnit(.init(unitId: "vn-75-26068", name: UnitName(name: "Phường Biên Hoà", validFrom: "2026-04-30")),
                                                             caller: fixture.admin)
        }
        #expect(refusal?.code == .invalidArgument && refusal?.details?["field"] == "name")
        #expect(try await fixture.authority.units.get(.init(unitId: "vn-75-26068")).history.isEmpty)
    }

    @Test("Bad merges, splits and renames are refused with the right code and field, and change nothing", arguments: [
        ("merge into itself", ErrorCode.invalidArgument, "into"),
        ("merge an unknown unit", .notFound, "unitIds"),
        ("merge into an unknown unit", .notFound, "into"),
        ("effective before creation", .invalidArgument, "effectiveOn"),
        ("a day that is no day", .invalidArgument, "effectiveOn"),
        ("no reason", .invalidArgument, "reason"),
        ("merge a unit already ended", .failedPrecondition, "unitIds"),
        ("a cycle", .failedPrecondition, "into"),
        ("split into one", .invalidArgument, "into"),
        ("rename after the end", .failedPrecondition, "validFrom"),
        ("rename before creation", .invalidArgument, "validFrom"),
        ("across levels", .invalidArgument, "unitIds"),
    ])
    func refused(_ label: String, code: ErrorCode, field: String) async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        _ = try await merge(fixture, ["vn-75-90001"], into: "vn-75-90002", on: "2026-03-01")
        let tree = try await fixture.authority.units.listUnits(.init(under: "vn-75"))
        let error = await rpcError {
            switch label {
            case "merge into itself": _ = try await merge(fixture, ["vn-75-90003", "vn-75-90004"], into: "vn-75-90004", on: "2026-05-01")
            case "merge an unknown unit": _ = try await merge(fixture, ["vn-75-99999"], into: "vn-75-90004", on: "2026-05-01")
            case "merge into an unknown unit": _ = try await merge(fixture, ["vn-75-90003"], into: "vn-75-99999", on: "2026-05-01")
            case "effective before creation": _ = try await merge(fixture, ["vn-75-90003"], into: "vn-75-90004", on: "2025-06-01")
            case "a day that is no day": _ = try await merge(fixture, ["vn-75-90003"], into: "vn-75-90004", on: "2026-02-30")
            case "no reason":
                _ = try await fixture.authority.units.merge(.init(unitIds: ["vn-75-90003"], into: "vn-75-90004", effectiveOn: "2026-05-01",
                                                                  reason: " "), caller: fixture.admin)
            case "merge a unit already ended": _ = try await merge(fixture, ["vn-75-90001"], into: "vn-75-90004", on: "2026-05-01")
            case "a cycle": _ = try await merge(fixture, ["vn-75-90002"], into: "vn-75-90001", on: "2026-01-01")
            case "split into one":
                _ = try await fixture.authority.units.split(.init(unitId: "vn-75-90003", into: ["vn-75-90004"], effectiveOn: "2026-05-01",
                                                                  reason: "Quyết định (thử)"), caller: fixture.admin)
            case "rename after the end":
                _ = try await fixture.authority.units.renameUnit(.init(unitId: "vn-75-90001", name: UnitName(name: "Phường A", validFrom: "2026-04-30")),
                                                                 caller: fixture.admin)
            case "rename before creation":
                _ = try await fixture.authority.units.renameUnit(.init(unitId: "vn-75-90003", name: UnitName(name: "Phường C", validFrom: "2025-01-01")),
                                                                 caller: fixture.admin)
            default: _ = try await merge(fixture, ["vn-75-90003"], into: "vn-75", on: "2026-05-01")
            }
        }
        #expect(error?.code == code, "\(label): \(String(describing: error))")
        #expect(error?.details?["field"] == field, "\(label): \(String(describing: error))")
        let message = error?.message.lowercased() ?? ""
        #expect(message.contains("đơn vị") || message.contains("ngày") || message.contains("lý do"),
                "\(label): a message for people, in Vietnamese: \(String(describing: error?.message))")
        #expect(try await fixture.authority.units.listUnits(.init(under: "vn-75")) == tree, "\(label) changed the tree")
    }

    @Test("An admin of one commune cannot merge another commune into it, nor split into units outside its reach")
    func reach() async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        let local = try await fixture.account("qt.xa3", role: .admin, at: "vn-75-90003")
        let mergeOther = await errorCode { _ = try await merge(fixture, ["vn-75-90001"], into: "vn-75-90003", on: "2026-05-01", caller: local.caller) }
        let splitOut = await errorCode {
            _ = try await fixture.authority.units.split(.init(unitId: "vn-75-90003", into: ["vn-75-90001", "vn-75-90002"], effectiveOn: "2026-05-01",
                                                              reason: "Quyết định (thử)"), caller: local.caller)
        }
        #expect([mergeOther, splitOut] == [.permissionDenied, .permissionDenied])
        #expect(try await fixture.authority.units.get(.init(unitId: "vn-75-90001")).unit.endedOn == nil)
    }

    @Test("Unit events are append-only")
    func appendOnly() async throws {
        let fixture = try await fixture()
        defer { fixture.remove() }
        _ = try await merge(fixture, ["vn-75-90001"], into: "vn-75-90002", on: "2026-03-01")
        let pool = fixture.authority.context.database.pool
        #expect(throws: DatabaseError.self) { try pool.write { try $0.execute(sql: "UPDATE unit_events SET reason = 'khác'") } }
        #expect(throws: DatabaseError.self) { try pool.write { try $0.execute(sql: "DELETE FROM unit_event_units") } }
    }
}
