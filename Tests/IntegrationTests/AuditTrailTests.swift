import Foundation
import NIOCore
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// The audit trail through the real system: every acknowledged write keeps its record when the
/// gateway is killed right after answering, and refusals and evidence reads are on record.
@Suite(.serialized)
struct AuditTrailTests {
    /// Xã Bình Tân and its Phòng Kinh tế, a reviewer there with a plan of `tasks` tasks for the
    /// department, and the department's staff. Returns the admin's, the staff's token and the task ids.
    static func setUp(_ system: TestSystem, tasks: Int) async throws -> (admin: String, staff: String, taskIds: [String]) {
        let client = system.client
        let admin = try await system.login()
        for unit in [
            AuthUnitsCreate.Params(id: "vn-75", parentId: "vn", kind: .province, code: "75", names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246", parentId: "vn-75", kind: .commune, code: "25246", names: [UnitName(name: "Xã Bình Tân", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246-pkt", parentId: "vn-75-25246", kind: .department, names: [UnitName(name: "Phòng Kinh tế", validFrom: "2025-07-01")]),
        ] {
            _ = try await client.call(AuthUnitsCreate.self, unit, token: admin)
        }
        for (user, role, unit) in [("cv.pkt", Role.staff, "vn-75-25246-pkt"), ("vp.binhtan", .reviewer, "vn-75-25246")] {
            _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: user, displayName: user, unitId: unit, password: "mat-khau-thu-nghiem"), token: admin)
            _ = try await client.call(AuthUsersGrant.self, GrantParams(username: user, role: role, unitId: unit), token: admin)
        }
        let staff = try await system.login("cv.pkt", password: "mat-khau-thu-nghiem")
        let reviewer = try await system.login("vp.binhtan", password: "mat-khau-thu-nghiem")
        let plan = try await client.call(TasksPlanCreate.self, .init(number: "27-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW",
                                                                     issuingUnitId: "vn-75-25246", issuedOn: "2026-11-01",
                                                                     implements: ["Nghị quyết 57-NQ/TW"],
                                                                     groups: [TaskGroupInfo(code: "II", title: "Hạ tầng số")]), token: reviewer)
        var taskIds: [String] = []
        for index in 1...tasks {
            taskIds.append(try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Nhiệm vụ \(index)",
                                                                         leadUnitId: "vn-75-25246-pkt",
                                                                         timeText: "Hoàn thành trong tháng 12 năm 2026"), token: reviewer).id)
        }
        return (admin, staff, taskIds)
    }

    /// The audit entries of xã Bình Tân and below with `action`, read until `done` says they are all
    /// there (the gateway ships its journal about once a second) or `timeout` passes.
    static func auditEntries(_ system: TestSystem, admin: String, unitId: String, action: String, timeout: Double = 20,
                             until done: ([AuditEntry]) -> Bool) async throws -> [AuditEntry] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let entries = try await system.client.call(AuthAuditList.self, .init(unitId: unitId, action: action, limit: 1000), token: admin).entries
            if done(entries) || Date() > deadline { return entries }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    @Test("Writes acknowledged just before the gateway is SIGKILLed all have their audit record after a restart on the same data")
    func survivesGatewayKill() async throws {
        // A long restart delay: the killed gateway stays down until the system is started again.
        let system = try await TestSystem(restartDelay: 60)
        let (_, staff, taskIds) = try await Self.setUp(system, tasks: 40)
        let gatewayPid = try #require(try await system.client.call(SysHealth.self, SysHealth.Params(), token: try await system.login()).pid)

        let client = system.client
        let acknowledged = try await withThrowingTaskGroup(of: String.self) { group in
            for taskId in taskIds {
                group.addTask {
                    _ = try await client.call(TasksProgress.self, .init(taskId: taskId, unitId: "vn-75-25246-pkt", percent: 30, note: "Đã khảo sát"),
                                              token: staff)
                    return taskId
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        kill(gatewayPid, SIGKILL)  // right after the last acknowledgement
        #expect(acknowledged.count == 40)
        _ = await system.stop(keepingData: true)

        let restarted = try await TestSystem(root: system.root)
        let admin = try await restarted.login()
        let entries = try await Self.auditEntries(restarted, admin: admin, unitId: "vn-75-25246", action: "call") { entries in
            acknowledged.isSubset(of: Self.progressTasks(entries))
        }
        let missing = acknowledged.subtracting(Self.progressTasks(entries))
        #expect(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged writes have no audit record")
        let one = try #require(entries.first { $0.method == TasksProgress.name })
        #expect(one.username == "cv.pkt")
        #expect(one.outcome == "ok")
        #expect(one.target?.hasSuffix("unit:vn-75-25246-pkt") == true)
        #expect(await restarted.stop() == 0)
    }

    /// The tasks named by `tasks.progress` entries.
    static func progressTasks(_ entries: [AuditEntry]) -> Set<String> {
        Set(entries.filter { $0.method == TasksProgress.name && $0.outcome == "ok" }.compactMap { entry in
            entry.target?.split(separator: " ").first { $0.hasPrefix("task:") }.map { String($0.dropFirst(5)) }
        })
    }

    @Test("Refused calls (unauthenticated, permission_denied) and evidence reads on the socket and over HTTP are on record, naming the object and the decision")
    func refusalsAndReads() async throws {
        let system = try await TestSystem()
        let (admin, staff) = try await EvidenceThroughGatewayTests.setUp(system)
        let client = system.client
        let pdf = Array("%PDF-1.4\n% biên bản\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 2000)
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "bien-ban.pdf"), token: staff)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75", offset: 0), token: staff,
                                  bulk: ByteBuffer(bytes: pdf))
        let file = try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75"), token: staff)

        let read = try await client.callAnswer(EvidenceRead.self, .init(id: file.id, unitId: "vn-75", offset: 0, length: 1 << 20), token: staff)
        #expect(read.bulk.map { Array($0.readableBytesView) } == pdf)
        let http = HTTPTestClient(base: try await system.httpAddress())
        let browser = try await http.login("cv.tinh", password: "mat-khau-thu-nghiem")
        let download = try await http.send("GET", "/files/\(file.id)?unitId=vn-75", headers: browser.cookie)
        #expect(download.status == 200)
        #expect(Array(download.body) == pdf)

        #expect(await errorCode {
            _ = try await client.call(TasksProgress.self, .init(taskId: "T-khong-dang-nhap", unitId: "vn-75", percent: 10, note: nil))
        } == .unauthenticated)
        #expect(await errorCode {
            _ = try await client.call(EvidenceScrub.self, .init(unitId: "vn-75"), token: staff)
        } == .permissionDenied)

        let reads = try await Self.auditEntries(system, admin: admin, unitId: "vn-75", action: "read") { $0.count >= 2 }
        #expect(reads.count == 2, "one read on the socket, one over HTTP")
        #expect(reads.allSatisfy { $0.method == EvidenceRead.name && $0.username == "cv.tinh" && $0.outcome == "ok"
            && $0.target == "evidence:\(file.id) unit:vn-75" })

        let refused = try await Self.auditEntries(system, admin: admin, unitId: "vn-75", action: "refused") { $0.count >= 2 }
        let anonymous = try #require(refused.first { $0.method == TasksProgress.name })
        #expect(anonymous.outcome == "unauthenticated")
        #expect(anonymous.username == nil)
        #expect(anonymous.target == "task:T-khong-dang-nhap unit:vn-75")
        let denied = try #require(refused.first { $0.method == EvidenceScrub.name })
        #expect(denied.outcome == "permission_denied")
        #expect(denied.username == "cv.tinh", "who tried is on record")
        #expect(denied.target == "unit:vn-75")
        #expect(await system.stop() == 0)
    }
}
