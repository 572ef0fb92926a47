import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// A task whose plan states no time, through the real gateway and the CLI: the plan's reviewer decides
/// its deadline with `nq57 tasks set-deadline`; the lead department cannot, whatever its role.
@Suite(.serialized)
struct DeadlineThroughGatewayTests {
    @Test("nq57 tasks set-deadline: the plan's reviewer decides, the lead department's head and staff are refused, the history shows it")
    func setDeadline() async throws {
        let system = try await TestSystem()
        let client = system.client
        let admin = try await system.login()
        try await BinhTanDepartment.create(in: system, admin: admin)
        var sessions: [String: String] = [:]
        for user in BinhTanDepartment.people.map(\.username) {
            sessions[user] = "\(system.root)/\(user).json"
            let login = try await ChildProcess.run("nq57", ["login", "--user", user, "--password-stdin", "--data", system.root, "--session", sessions[user]!],
                                                   input: "mat-khau-thu-nghiem\n")
            #expect(login.status == 0, "\(login.stderr)")
        }
        let reviewer = try await system.login("vp.binhtan", password: "mat-khau-thu-nghiem")
        let staff = try await system.login("cv.pkt", password: "mat-khau-thu-nghiem")
        let plan = try await client.call(TasksPlanCreate.self, .init(number: "02-KH/BCĐ", title: "Kế hoạch triển khai", issuingUnitId: "vn-75-25246",
                                                                     issuedOn: "2025-12-11", implements: [],
                                                                     groups: [TaskGroupInfo(code: "1", title: "Công tác chỉ đạo, điều hành")]), token: reviewer)
        let task = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "1", title: "Quán triệt Nghị quyết 57",
                                                                 leadUnitId: "vn-75-25246-pkt", timeText: nil), token: reviewer)
        #expect(task.deadlineKind == .undetermined && task.actions.contains(.setDeadline))
        let staffView = try await client.call(TasksGet.self, TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt"), token: staff)
        #expect(!staffView.actions.contains(.setDeadline), "the console offers the form only to those allowed")

        func setDeadline(as user: String, reason: String = "Ban Chỉ đạo thống nhất") async throws -> (status: Int32, stdout: String, stderr: String) {
            try await ChildProcess.run("nq57", ["tasks", "set-deadline", task.id, "--unit", "vn-75-25246-pkt", "--deadline", "2027-06-30",
                                                "--reason", reason, "--data", system.root, "--session", sessions[user]!])
        }
        let byStaff = try await setDeadline(as: "cv.pkt")
        #expect(byStaff.status != 0 && byStaff.stderr.contains("permission_denied"), "the gateway refuses staff")
        let byHead = try await setDeadline(as: "tp.pkt")
        #expect(byHead.status != 0 && byHead.stderr.contains("permission_denied"), "the service refuses the lead department's own head")
        let noReason = try await setDeadline(as: "vp.binhtan", reason: " ")
        #expect(noReason.status != 0 && noReason.stderr.contains("field=reason"))
        let decided = try await setDeadline(as: "vp.binhtan")
        #expect(decided.status == 0, "\(decided.stderr)")
        #expect(decided.stdout.contains("30/06/2027"))

        let shown = try await ChildProcess.run("nq57", ["tasks", "show", task.id, "--unit", "vn-75-25246-pkt", "--data", system.root,
                                                        "--session", sessions["vp.binhtan"]!])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Thời hạn: văn bản không nêu"))
        #expect(shown.stdout.contains("Đặt thời hạn vp.binhtan") && shown.stdout.contains("chưa có → 30/06/2027 Ban Chỉ đạo thống nhất"))
        let history = try await client.call(TasksHistory.self, TaskRef(taskId: task.id, unitId: "vn-75-25246-pkt"), token: staff).events
        #expect(history.map(\.kind.rawValue) == ["setDeadline"], "refused attempts leave nothing behind")
        #expect(await system.stop() == 0)
    }
}
