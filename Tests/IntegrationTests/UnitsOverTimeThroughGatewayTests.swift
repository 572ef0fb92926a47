import Foundation
import NIOCore
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Units over time through the real gateway, auth and metrics services: a merge recorded by the
/// admin, the tree of a day, values that keep the unit they were made for, roll-ups under the
/// period's tree and re-totalled under today's, and an ended unit that takes no new reports.
@Suite(.serialized)
struct UnitsOverTimeThroughGatewayTests {
    static let password = "mat-khau-thu-nghiem"

    private func upload(_ client: RPCClient, unitId: String, token: String) async throws -> String {
        let pdf = Array("%PDF-1.4\n% bảng tổng hợp \(unitId)\n".utf8)
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: unitId, fileName: "Tổng hợp.pdf"), token: token)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unitId, offset: 0), token: token,
                                  bulk: ByteBuffer(bytes: pdf))
        return try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unitId), token: token).id
    }

    @Test("After xã B is merged into xã A, its past stays its own, re-totals into A on request, and it takes no new reports")
    func mergeThroughGateway() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-08-10"])
        let client = system.client
        let admin = try await system.login()
        _ = try await client.call(AuthUnitsCreate.self, .init(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                                              names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01"),
                                                                      UnitName(name: "Thành phố Đồng Nai", validFrom: "2026-04-30")]), token: admin)
        for (code, name) in [("90001", "Xã A"), ("90002", "Xã B"), ("90003", "Xã C")] {
            _ = try await client.call(AuthUnitsCreate.self, .init(id: "vn-75-\(code)", parentId: "vn-75", kind: .commune, code: code,
                                                                  names: [UnitName(name: name, validFrom: "2025-07-01")]), token: admin)
        }
        for (user, role) in [("cv.tinh", Role.staff), ("ld.tinh", .head), ("vp.tinh", .reviewer)] {
            _ = try await client.call(AuthUsersAdd.self, .init(username: user, displayName: user, unitId: "vn-75", password: Self.password), token: admin)
            _ = try await client.call(AuthUsersGrant.self, GrantParams(username: user, role: role, unitId: "vn-75"), token: admin)
        }
        let staff = try await system.login("cv.tinh", password: Self.password)
        let head = try await system.login("ld.tinh", password: Self.password)
        let reviewer = try await system.login("vp.tinh", password: Self.password)
        let indicator = try await client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75", planNumber: "01-KH/TU", code: "CDS-02", name: "Số thủ tục hành chính cung cấp trực tuyến toàn trình",
            group: "Chuyển đổi số", measure: .count, unitOfMeasure: "thủ tục", direction: .atLeast, rollUp: .sum,
            reportedBy: .children, frequency: .month, baseline: 0, baselineOn: "2026-01-01"), token: reviewer)
        for (unit, value) in [("vn-75-90001", 10.0), ("vn-75-90002", 20.0), ("vn-75-90003", 30.0)] {
            let evidence = try await upload(client, unitId: unit, token: staff)
            _ = try await client.call(MetricsReport.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-05", value: value,
                                                                evidenceIds: [evidence]), token: staff)
            _ = try await client.call(MetricsSubmit.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-05"), token: head)
            _ = try await client.call(MetricsReview.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-05", decision: .accept),
                                      token: reviewer)
        }

        // Only an admin merges; the merge is recorded with who and why.
        let merge = AuthUnitsMerge.Params(unitIds: ["vn-75-90002"], into: "vn-75-90001", effectiveOn: "2026-07-01",
                                          reason: "Nghị quyết sáp nhập xã B vào xã A (thử nghiệm)")
        let refused = await rpcError { _ = try await client.call(AuthUnitsMerge.self, merge, token: reviewer) }
        #expect(refused?.code == .permissionDenied)
        let change = try await client.call(AuthUnitsMerge.self, merge, token: admin)
        #expect(change.username == "admin" && change.fromUnitIds == ["vn-75-90002"] && change.toUnitIds == ["vn-75-90001"])
        let itself = await rpcError {
            _ = try await client.call(AuthUnitsMerge.self, .init(unitIds: ["vn-75-90003"], into: "vn-75-90003", effectiveOn: "2026-07-01",
                                                                 reason: "Sáp nhập vào chính nó"), token: admin)
        }
        #expect(itself?.code == .invalidArgument && itself?.details?["field"] == "into")

        // The tree of a day, named as then with today's name beside.
        let june = try await client.call(AuthUnitsTree.self, .init(under: "vn-75", asOf: "2026-06-15"), token: staff)
        #expect(june.units.map(\.id) == ["vn-75", "vn-75-90001", "vn-75-90002", "vn-75-90003"])
        #expect(june.units.first?.name == "Thành phố Đồng Nai")
        let march = try await client.call(AuthUnitsTree.self, .init(under: "vn-75", asOf: "2026-03-01"), token: staff)
        #expect(march.units.first?.name == "Tỉnh Đồng Nai" && march.units.first?.currentName == "Thành phố Đồng Nai")
        let today = try await client.call(AuthUnitsTree.self, .init(under: "vn-75"), token: staff)
        #expect(today.asOf == "2026-08-10" && !today.units.contains { $0.id == "vn-75-90002" })

        // May under May's tree: B listed with its own value, not ranked beside A (which carries on its work).
        let may = try await client.call(MetricsRollUp.self, .init(indicatorId: indicator.id, unitId: "vn-75", period: "2026-05"), token: head)
        #expect(may.tree == .asOf && may.treeDay == "2026-05-31")
        #expect(may.total.value == 60)
        #expect(may.children.first { $0.unitId == "vn-75-90002" }?.value == 20)
        #expect(may.children.first { $0.unitId == "vn-75-90002" }?.rank == nil)
        #expect(may.children.first { $0.unitId == "vn-75-90003" }?.rank == 1)

        // The same past re-totalled under today's tree: B's value summed into A, B gone, the answer says so.
        let retotal = try await client.call(MetricsRollUp.self, .init(indicatorId: indicator.id, unitId: "vn-75", period: "2026-05", tree: .today),
                                            token: head)
        #expect(retotal.tree == .today && retotal.treeDay == "2026-08-10")
        #expect(retotal.total.value == 60)
        #expect(retotal.children.map(\.unitId).sorted() == ["vn-75-90001", "vn-75-90003"])
        #expect(retotal.children.first { $0.unitId == "vn-75-90001" }?.value == 30)

        // B keeps its past (its report is still its own) but takes no new report.
        let history = try await client.call(MetricsHistory.self, .init(indicatorId: indicator.id, unitId: "vn-75-90002", period: "2026-05"),
                                            token: head)
        #expect(history.events.contains { $0.kind == .accept })
        let late = await rpcError {
            _ = try await client.call(MetricsReport.self, .init(indicatorId: indicator.id, unitId: "vn-75-90002", period: "2026-07", value: 5, evidenceIds: []),
                                      token: staff)
        }
        #expect(late?.code == .failedPrecondition && late?.details?["field"] == "unitId")
        #expect(late?.message.contains("đã thôi tồn tại từ ngày 01/07/2026") == true, "\(String(describing: late))")
        // Nor new evidence: a file uploaded for B now could support nothing B may still report.
        let lateFile = await rpcError {
            _ = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75-90002", fileName: "Muộn.pdf"), token: staff)
        }
        #expect(lateFile?.code == .failedPrecondition && lateFile?.details?["field"] == "unitId")
        #expect(lateFile?.message.contains("đã thôi tồn tại từ ngày 01/07/2026") == true, "\(String(describing: lateFile))")
        let evidence = try await upload(client, unitId: "vn-75-90001", token: staff)
        _ = try await client.call(MetricsReport.self, .init(indicatorId: indicator.id, unitId: "vn-75-90001", period: "2026-07", value: 12,
                                                            evidenceIds: [evidence]),
                                  token: staff)

        // The unit's page: its history, as the console reads it.
        let page = try await client.call(AuthUnitsGet.self, .init(unitId: "vn-75-90002", asOf: "2026-05-01"), token: staff)
        #expect(page.unit.endedOn == "2026-07-01" && page.unit.successorIds == ["vn-75-90001"])
        #expect(page.history.map(\.kindLabel) == ["Sáp nhập"])
        #expect(await system.stop() == 0)
    }
}
