import Foundation
import NQ57API
import NQ57Mail
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import TasksRules
import Testing
@testable import TasksCore

/// Reminders that escalate, with the clock set: staff before the deadline, the head after it,
/// the steering members after the plan's grace days; each recorded once, mailed as one digest per
/// person and day to a real SMTP server (aiosmtpd), which parses what arrives.
@Suite(.serialized) struct ReminderTests {
    static let people = FixedContacts.binhTan.people
    static var staff: ReminderContact { people[0] }
    static var head: ReminderContact { people[1] }
    static var steering: ReminderContact { people[2] }
    static var provinceSteering: ReminderContact { people[3] }

    @Test func remindersEscalateFromStaffToHeadToSteeringAsTheDaysPass() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let fixture = try ReminderFixture(relay: sink.port)
        defer { fixture.tasks.remove() }
        _ = try await fixture.planWithTask()   // due 30/11/2025, 5 days of grace

        // Ten days before: nothing yet.
        #expect(try await fixture.run(on: "2025-11-20").raised == 0)
        #expect(try sink.messages().isEmpty)

        // A week before: the staff of Phòng Kinh tế.
        let week = try await fixture.run(on: "2025-11-23")
        #expect(week.raised == 1 && week.mailed == 1)
        var mails = try sink.messages()
        #expect(mails.map(\.to) == [["cv.pkt@demo.nq57.invalid"]])
        try #require(mails.count == 1)
        #expect(mails[0].subject == "[nq57] Nhắc việc ngày 23/11/2025: 1 việc sắp đến hạn")
        #expect(mails[0].body.contains("Kính gửi đồng chí Nguyễn Thị Hường,"))
        #expect(mails[0].body.contains("Nhiệm vụ “Rà soát hạ tầng số” (Kế hoạch 27-KH/ĐU) đến hạn ngày 30/11/2025, còn 7 ngày."))

        // The day before: the staff again, "ngày mai".
        _ = try await fixture.run(on: "2025-11-29")
        mails = try sink.messages()
        try #require(mails.count == 2)
        #expect(mails[1].to == ["cv.pkt@demo.nq57.invalid"])
        #expect(mails[1].body.contains("đến hạn ngày 30/11/2025 (ngày mai)."))

        // Overdue: the head, not the staff.
        let late = try await fixture.run(on: "2025-12-01")
        #expect(late.raised == 1)
        mails = try sink.messages()
        try #require(mails.count == 3)
        #expect(mails[2].to == ["tp.pkt@demo.nq57.invalid"])
        #expect(mails[2].subject == "[nq57] Nhắc việc ngày 01/12/2025: 1 việc quá hạn")
        #expect(mails[2].body.contains("Quá hạn:") && mails[2].body.contains("đã quá hạn 1 ngày (hạn 30/11/2025)"))

        // Still overdue, within the plan's 5 days: nothing new for anyone.
        #expect(try await fixture.run(on: "2025-12-03").raised == 0)

        // Five days late: the steering members above (the commune's and the province's); the
        // province's member turned mail off and finds it in the console only.
        let escalated = try await fixture.run(on: "2025-12-05")
        #expect(escalated.raised == 2 && escalated.mailed == 1)
        mails = try sink.messages()
        try #require(mails.count == 4)
        #expect(mails[3].to == ["bcd.binhtan@demo.nq57.invalid"])
        #expect(mails[3].body.contains("Quá hạn, báo cáo Ban Chỉ đạo:"))
        #expect(mails[3].body.contains("của đơn vị vn-75-25246-pkt đã quá hạn 5 ngày (hạn 30/11/2025); đề nghị Ban Chỉ đạo đôn đốc."))
        let province = try await fixture.reminders.list(.init(), caller: ReminderFixture.caller(Self.provinceSteering))
        #expect(province.unread == 1)
        #expect(province.reminders.first?.stage == .escalated && province.reminders.first?.mail == "off")
        // Nobody got anything twice, and staff got nothing once it was late.
        let staff = try await fixture.reminders.list(.init(), caller: ReminderFixture.caller(Self.staff))
        #expect(staff.reminders.map(\.stage) == [.dueTomorrow, .dueInAWeek])
    }

    @Test func aSecondRunOrARestartTheSameDayRaisesAndMailsNothingMore() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let fixture = try ReminderFixture(relay: sink.port)
        defer { fixture.tasks.remove() }
        _ = try await fixture.planWithTask()
        #expect(try await fixture.run(on: "2025-12-01").raised == 1)
        let again = try await fixture.run(on: "2025-12-01")
        #expect(again.raised == 0 && again.mailed == 0 && again.dueItems == 1)
        // A restarted service: the same database opened again, a new runner.
        let restarted = try ReminderFixture(relay: sink.port, sharing: fixture)
        let afterRestart = try await restarted.run(on: "2025-12-01")
        #expect(afterRestart.raised == 0 && afterRestart.mailed == 0)
        #expect(try sink.messages().count == 1)
    }

    @Test func twoRunnersRacingOnOneDatabaseRecordAndMailEachReminderOnce() async throws {
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        // Three staff at Phòng Kinh tế, so several digests race.
        var contacts = FixedContacts.binhTan
        contacts.people += [FixedContacts.person("cv2.pkt", "Đỗ Thị Lan", .staff, at: "vn-75-25246-pkt"),
                            FixedContacts.person("cv3.pkt", "Võ Văn Tâm", .staff, at: "vn-75-25246-pkt")]
        let kpis = (1...20).map { index in
            DueItem(kind: .kpi, itemId: "ind-\(index)", period: "2025-11", title: "Số liệu chỉ tiêu \(index) — Tháng 11/2025",
                    unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"]!, dueOn: "2025-11-30")
        }
        let first = try ReminderFixture(relay: sink.port, contacts: contacts, kpis: kpis)
        defer { first.tasks.remove() }
        let second = try ReminderFixture(relay: sink.port, contacts: contacts, kpis: kpis, sharing: first)
        _ = try await first.planWithTask()
        first.tasks.moveTo("2025-11-24")
        second.tasks.moveTo("2025-11-24")
        let day = Day(iso: "2025-11-24")!
        let reports = try await withThrowingTaskGroup(of: ReminderRunReport.self) { group in
            for round in 0..<6 {
                let runner = round % 2 == 0 ? first.runner : second.runner
                group.addTask { try await runner.run(on: day) }
            }
            var all: [ReminderRunReport] = []
            for try await report in group { all.append(report) }
            return all
        }
        // 21 items (the task and 20 KPIs), each to 3 staff: 63 reminders, raised once between all runs.
        #expect(reports.map(\.raised).reduce(0, +) == 63)
        #expect(reports.map(\.mailed).reduce(0, +) == 3)
        let mails = try sink.messages()
        #expect(mails.flatMap(\.to).sorted() == ["cv.pkt@demo.nq57.invalid", "cv2.pkt@demo.nq57.invalid", "cv3.pkt@demo.nq57.invalid"])
        #expect(mails.allSatisfy { $0.subject == "[nq57] Nhắc việc ngày 24/11/2025: 21 việc sắp đến hạn" })
        for person in contacts.people where person.grants.first?.role == .staff {
            let list = try await first.reminders.list(.init(), caller: ReminderFixture.caller(person))
            #expect(list.reminders.count == 21 && list.reminders.allSatisfy { $0.mail == "sent" })
        }
    }

    @Test func aRelayThatIsDownLosesNothingAndTheNextRunSendsItOnce() async throws {
        let dead = try await SMTPSink.start()
        let deadPort = dead.port
        await dead.stop()
        let down = try ReminderFixture(relay: deadPort)
        defer { down.tasks.remove() }
        _ = try await down.planWithTask()
        let failed = try await down.run(on: "2025-12-01")
        #expect(failed.raised == 1 && failed.mailed == 0 && failed.mailFailed == 1)
        #expect(failed.mailError != nil)
        let pending = try await down.reminders.list(.init(), caller: ReminderFixture.caller(Self.head))
        #expect(pending.reminders.map(\.mail) == ["pending"])

        // The relay is back (at another address); the next run, the same day, sends the digest once.
        let sink = try await SMTPSink.start()
        defer { Task { await sink.stop() } }
        let up = try ReminderFixture(relay: sink.port, sharing: down)
        let retried = try await up.run(on: "2025-12-01")
        #expect(retried.raised == 0 && retried.mailed == 1 && retried.mailFailed == 0)
        #expect(try await up.run(on: "2025-12-01").mailed == 0)
        let mails = try sink.messages()
        #expect(mails.count == 1)
        #expect(mails.first?.to == ["tp.pkt@demo.nq57.invalid"])
        #expect(mails.first?.body.contains("đã quá hạn 1 ngày") == true)
        let sent = try await up.reminders.list(.init(), caller: ReminderFixture.caller(Self.head))
        #expect(sent.reminders.map(\.mail) == ["sent"])
    }

    @Test func peopleReadAndMarkOnlyTheirOwnReminders() async throws {
        let fixture = try ReminderFixture(relay: nil)
        defer { fixture.tasks.remove() }
        _ = try await fixture.planWithTask()
        _ = try await fixture.run(on: "2025-11-29")
        _ = try await fixture.run(on: "2025-12-01")
        let staff = ReminderFixture.caller(Self.staff)
        let head = ReminderFixture.caller(Self.head)
        let headsOwn = try await fixture.reminders.list(.init(), caller: head)
        #expect(headsOwn.unread == 1)
        let headsId = try #require(headsOwn.reminders.first?.id)
        // The staff member names the head's reminder: refused as unknown, and it stays unread.
        await #expect(throws: RPCError.self) { _ = try await fixture.reminders.markRead(.init(ids: [headsId]), caller: staff) }
        #expect(try await fixture.reminders.list(.init(), caller: head).unread == 1)
        let code = await errorCode { _ = try await fixture.reminders.markRead(.init(ids: [headsId]), caller: staff) }
        #expect(code == .notFound)
        // Their own: marked; "all" leaves the head's alone.
        let staffs = try await fixture.reminders.list(.init(), caller: staff)
        #expect(staffs.unread == 1)
        #expect(try await fixture.reminders.markRead(.init(ids: [staffs.reminders[0].id]), caller: staff).unread == 0)
        #expect(try await fixture.reminders.list(.init(unreadOnly: true), caller: staff).reminders.isEmpty)
        #expect(try await fixture.reminders.markRead(.init(), caller: staff).unread == 0)
        #expect(try await fixture.reminders.list(.init(), caller: head).unread == 1)
        // Without a relay nothing is mailed; the console has it all.
        #expect(headsOwn.reminders[0].mail == "off")
        // A limit out of range is refused, naming the field.
        let badLimit = await errorCode { _ = try await fixture.reminders.list(.init(limit: 0), caller: staff) }
        #expect(badLimit == .invalidArgument)
    }

    @Test func aRecurringTaskIsRemindedOfItsNextReportAndAKPIPeriodOfItsValue() async throws {
        let kpi = DueItem(kind: .kpi, itemId: "ind-1", period: "2025-Q4", title: "Số liệu chỉ tiêu 1.1 Tỷ lệ hồ sơ trực tuyến — Quý IV/2025",
                          unitId: "vn-75-25246-pkt", unitPath: FixedUnits.paths["vn-75-25246-pkt"]!, dueOn: "2025-12-31",
                          planNumber: "27-KH/ĐU", planUnitId: "vn-75-25246")
        let fixture = try ReminderFixture(today: "2025-12-24", relay: nil, kpis: [kpi])
        defer { fixture.tasks.remove() }
        let plan = try await fixture.tasks.plan()
        _ = try await fixture.tasks.task(plan, time: "Thực hiện thường xuyên")
        let report = try await fixture.run(on: "2025-12-24")
        // December's report and the KPI's quarter, due 31/12; November's report, missing since 30/11.
        #expect(report.dueItems == 3)
        let list = try await fixture.reminders.list(.init(), caller: ReminderFixture.caller(Self.staff))
        let titles = Set(list.reminders.map(\.title))
        #expect(titles == ["Rà soát hạ tầng số — báo cáo Tháng 12/2025", "Số liệu chỉ tiêu 1.1 Tỷ lệ hồ sơ trực tuyến — Quý IV/2025"])
        #expect(list.reminders.allSatisfy { $0.dueOn == "2025-12-31" && $0.stage == .dueInAWeek })
        // November's missing report is 24 days late: past the plan's 7 days, the steering members are told.
        let steering = try await fixture.reminders.list(.init(), caller: ReminderFixture.caller(Self.steering))
        #expect(steering.reminders.map(\.title) == ["Rà soát hạ tầng số — báo cáo Tháng 11/2025"])
        #expect(steering.reminders.first?.stage == .escalated && steering.reminders.first?.period == "2025-11")
    }

    @Test func theScheduleRunsAtSevenInTheMorningVietnamTimeOnceADay() async throws {
        let fixture = try ReminderFixture(relay: nil)
        defer { fixture.tasks.remove() }
        _ = try await fixture.planWithTask()
        // 06:59 on 01/12/2025 in Vietnam is 23:59 UTC the day before.
        let clock = ManualClock(NQ57Clock.parseDay("2025-12-01")!.addingTimeInterval(6 * 3600 + 59 * 60))
        let schedule = ReminderSchedule(runner: ReminderRunner(TasksContext(
            database: fixture.tasks.context.database, units: FixedUnits(), evidence: FixedEvidence(), clock: clock.clock,
            reminders: fixture.collaborators), collaborators: fixture.collaborators), clock: clock.clock, logger: .init(label: "test"))
        #expect(await schedule.tick() == nil)
        clock.advance(by: 60)
        #expect(await schedule.tick()?.day == "2025-12-01")
        clock.advance(by: 3 * 3600)
        #expect(await schedule.tick() == nil)
        // The next morning, and not before 07:00.
        clock.advance(by: 20 * 3600 + 59 * 60)
        #expect(await schedule.tick() == nil)
        clock.advance(by: 60)
        #expect(await schedule.tick()?.day == "2025-12-02")
        #expect(try await fixture.reminders.list(.init(), caller: ReminderFixture.caller(Self.head)).reminders.count == 1)
    }
}
