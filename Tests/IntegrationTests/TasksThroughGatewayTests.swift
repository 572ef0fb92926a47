import Foundation
import NIOCore
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// A plan's life through the real gateway, tasks, evidence and auth services: assign, report,
/// claim with a real uploaded file, send back, resubmit, accept; flags and scores follow.
@Suite(.serialized)
struct TasksThroughGatewayTests {
    @Test("Plan, task, progress, evidence upload, claim, send back, resubmit, accept")
    func lifeOfATask() async throws {
        let system = try await TestSystem()
        let client = system.client
        let admin = try await system.login()
        try await BinhTanDepartment.create(in: system, admin: admin)
        let staff = try await system.login("cv.pkt", password: "mat-khau-thu-nghiem")
        let head = try await system.login("tp.pkt", password: "mat-khau-thu-nghiem")
        let reviewer = try await system.login("vp.binhtan", password: "mat-khau-thu-nghiem")

        let plan = try await client.call(TasksPlanCreate.self, .init(number: "27-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW",
                                                                     issuingUnitId: "vn-75-25246", issuedOn: "2026-11-01",
                                                                     implements: ["Nghị quyết 57-NQ/TW"],
                                                                     groups: [TaskGroupInfo(code: "II", title: "Hạ tầng số")]), token: reviewer)
        var task = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Phủ sóng 4G toàn xã",
                                                                 leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 12 năm 2026"),
                                         token: reviewer)
        #expect(task.deadline == "2026-12-31")
        task = try await client.call(TasksProgress.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt", percent: 40, note: "Đã lắp 2 trạm"), token: staff)
        #expect(task.state == .inProgress)

        // Upload a PDF in two chunks through the gateway.
        let pdf = Array("%PDF-1.4\n% biên bản nghiệm thu trạm BTS\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 5000)
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75-25246-pkt", fileName: "Biên bản.pdf",
                                                                          supports: "task:\(task.id)"), token: staff)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75-25246-pkt", offset: 0),
                                  token: staff, bulk: ByteBuffer(bytes: pdf[..<3000]))
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75-25246-pkt", offset: 3000),
                                  token: staff, bulk: ByteBuffer(bytes: pdf[3000...]))
        let file = try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75-25246-pkt"), token: staff)
        #expect(file.mediaType == "application/pdf")
        #expect(file.size == Int64(pdf.count))

        task = try await client.call(TasksClaim.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: [file.id]), token: staff)
        await #expect(throws: RPCError.self, "only the head submits") {
            _ = try await client.call(TasksSubmit.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt"), token: staff)
        }
        task = try await client.call(TasksSubmit.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt"), token: head)
        #expect(task.state == .submitted)
        task = try await client.call(TasksReview.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .sendBack,
                                                             reason: "Biên bản chưa có chữ ký"), token: reviewer)
        #expect(task.state == .needsRework)
        let flagged = try await client.call(TasksFlags.self, UnitAsOf(unitId: "vn-75-25246"), token: reviewer)
        #expect(flagged.flags.contains { $0.rule.rawValue == "sentBack" && $0.taskId == task.id && $0.unitId == "vn-75-25246-pkt" })

        task = try await client.call(TasksClaim.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: [file.id]), token: staff)
        task = try await client.call(TasksSubmit.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt"), token: head)
        task = try await client.call(TasksReview.self, .init(taskId: task.id, unitId: "vn-75-25246-pkt", decision: .accept), token: reviewer)
        #expect(task.state == .completedOnTime)
        let cleared = try await client.call(TasksFlags.self, UnitAsOf(unitId: "vn-75-25246"), token: reviewer)
        #expect(cleared.flags.isEmpty)
        // The evidence log holds the stored file and both review decisions about it.
        let logHead = try await client.call(EvidenceLogHead.self, Empty())
        #expect(logHead.size == 3)

        let scores = try await client.call(TasksScores.self, UnitAsOf(unitId: "vn-75", asOf: "2027-01-05"), token: admin)
        #expect(scores.units.first?.unitId == "vn-75-25246")
        #expect(scores.units.first?.percent == 100)

        // The file reads back whole through the gateway.
        let read = try await client.callAnswer(EvidenceRead.self, .init(id: file.id, unitId: "vn-75-25246", offset: 0, length: 1 << 20), token: reviewer)
        #expect(read.bulk.map { Array($0.readableBytesView) } == pdf)
        #expect(await system.stop() == 0)
    }
}

/// `nq57 up --now` (NQ57_NOW) sets "today" for every service.
@Suite(.serialized)
struct SettableTodayTests {
    @Test("With NQ57_NOW the services take that day as today")
    func today() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2025-12-15"])
        let admin = try await system.login()
        let flags = try await system.client.call(TasksFlags.self, UnitAsOf(unitId: "vn"), token: admin)
        #expect(flags.asOf == "2025-12-15")
        let refused = try await ChildProcess.run("nq57", ["up", "--now", "15/12/2025", "--data", system.root])
        #expect(refused.status != 0, "a day not in yyyy-MM-dd is refused before anything starts")
        #expect(await system.stop() == 0)
    }
}
