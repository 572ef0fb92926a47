import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Reminders through the real system (`nq57 up` with `NQ57_NOW` and `NQ57_SMTP_URL` pointing at
/// a local aiosmtpd): the tasks service gathers its deadlines and the metrics service's, asks
/// auth who and where, records each reminder once and mails one digest per person.
@Suite(.serialized)
struct RemindersThroughSystemTests {
    @Test("nq57 reminders run: the staff's digest arrives in Vietnamese; a second run sends nothing; mail off is respected")
    func remindersThroughTheSystem() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-12-25", "NQ57_SMTP_URL": sink.url,
                                                        "NQ57_MAIL_FROM": "nhac-viec@dongnai.nq57.invalid"])
        let client = system.client
        let admin = try await system.login()
        try await BinhTanDepartment.create(in: system, admin: admin)
        let staff = try await system.login("cv.pkt", password: "mat-khau-thu-nghiem")
        let reviewer = try await system.login("vp.binhtan", password: "mat-khau-thu-nghiem")
        let plan = try await client.call(TasksPlanCreate.self, .init(number: "27-KH/ĐU", title: "Kế hoạch thực hiện Nghị quyết 57-NQ/TW",
                                                                     issuingUnitId: "vn-75-25246", issuedOn: "2026-11-01", implements: ["Nghị quyết 57-NQ/TW"],
                                                                     groups: [TaskGroupInfo(code: "II", title: "Hạ tầng số")]), token: reviewer)
        _ = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Phủ sóng 4G toàn xã", leadUnitId: "vn-75-25246-pkt",
                                                          timeText: "Hoàn thành trong tháng 12 năm 2026"), token: reviewer)

        // Staff may not run the reminders; the admin can, from the command line.
        await #expect(throws: RPCError.self) { _ = try await client.call(TasksRemindersRun.self, Empty(), token: staff) }
        let session = "\(system.root)/cli-session.json"
        let common = ["--data", system.root, "--session", session]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common, input: TestSystem.adminPassword + "\n")
        #expect(login.status == 0, "\(login.stderr)")
        let run = try await ChildProcess.run("nq57", ["reminders", "run"] + common)
        #expect(run.status == 0, "\(run.stderr)")
        // (The 07:00 schedule may have raised it first, since the clock says 09:00: either way it is raised and mailed once.)
        #expect(run.stdout.contains("Ngày 25/12/2026: 1 việc cần nhắc,"), "\(run.stdout)")

        let mails = try sink.messages()
        try #require(mails.count == 1)
        #expect(mails[0].from == "nhac-viec@dongnai.nq57.invalid")
        #expect(mails[0].to == ["cv.pkt@demo.nq57.invalid"])
        #expect(mails[0].subject == "[nq57] Nhắc việc ngày 25/12/2026: 1 việc sắp đến hạn")
        #expect(mails[0].body.contains("Kính gửi đồng chí Nguyễn Thị Hường,"))
        #expect(mails[0].body.contains("Nhiệm vụ “Phủ sóng 4G toàn xã” (Kế hoạch 27-KH/ĐU) đến hạn ngày 31/12/2026, còn 6 ngày."))

        // In the console: one unread, marked read.
        let list = try await client.call(TasksRemindersList.self, .init(), token: staff)
        #expect(list.unread == 1 && list.reminders.first?.mail == "sent")
        #expect(try await client.call(TasksRemindersMarkRead.self, .init(), token: staff).unread == 0)

        // Again the same day: nothing new, nothing mailed twice.
        let again = try await client.call(TasksRemindersRun.self, Empty(), token: admin)
        #expect(again.raised == 0 && again.mailed == 0)
        #expect(try sink.messages().count == 1)

        // The staff member turns mail off: their next reminder stays in the console only.
        let off = try await client.call(AuthMailSet.self, .init(reminders: false), token: staff)
        #expect(off == MailPreference(email: "cv.pkt@demo.nq57.invalid", reminders: false))
        #expect(await system.stop() == 0)
    }
}
