import Testing
@testable import TasksRules

/// What a plan's time wording gives a task: no time is its own kind, a day before the plan's date
/// counts from the plan's date, and the no-deadline warning.
@Suite struct SourceDeadlineTests {
    let planDay = day("2025-11-19")

    @Test("No wording, or only spaces, is chưa xác định thời hạn, never a guessed day", arguments: [nil, "", "  \n"] as [String?])
    func noWording(_ text: String?) throws {
        let read = try SourceDeadline.read(text, planIssuedOn: planDay)
        #expect(read.deadline == .undetermined && read.deadline.kind == .undetermined)
        #expect(read.statedDay == nil && !read.precedesPlan)
        #expect(read.discrepancyNote(planIssuedOn: planDay) == nil)
    }

    @Test("A day before the plan's date is kept as stated; the deadline in force is the plan's date")
    func beforeThePlan() throws {
        let read = try SourceDeadline.read("Hoàn thành trong Quý III năm 2025", planIssuedOn: planDay)
        #expect(read.statedDay == day("2025-09-30"))
        #expect(read.deadline == .due(planDay) && read.precedesPlan)
        #expect(read.discrepancyNote(planIssuedOn: planDay)
            == "Thời hạn ghi trong văn bản (30/09/2025) trước ngày ban hành kế hoạch (19/11/2025); thời hạn được tính từ ngày ban hành kế hoạch.")
    }

    @Test("A day on or after the plan's date, and a recurrence, are as the wording says")
    func ordinary() throws {
        let due = try SourceDeadline.read("Hoàn thành trong tháng 11 năm 2025", planIssuedOn: planDay)
        #expect(due.deadline == .due(day("2025-11-30")) && due.statedDay == day("2025-11-30") && !due.precedesPlan)
        let sameDay = try SourceDeadline.read("ngày 19/11/2025", planIssuedOn: planDay)
        #expect(sameDay.deadline == .due(planDay) && !sameDay.precedesPlan)
        let recurring = try SourceDeadline.read("Thực hiện thường xuyên", planIssuedOn: planDay)
        #expect(recurring.deadline == .recurring(.month) && recurring.statedDay == nil)
    }

    @Test("Unreadable wording is still refused, naming the text")
    func unreadable() {
        #expect(throws: DeadlineParseError(text: "khi nào xong thì báo", reason: .unrecognised)) {
            try SourceDeadline.read("khi nào xong thì báo", planIssuedOn: planDay)
        }
    }

    @Test("Without a deadline: a yellow no-deadline warning from the day assigned, until completed")
    func noDeadlineFlag() throws {
        let rules = FlagRules()
        let open = TaskFacts(status: .inProgress, assignedOn: planDay, deadline: nil, percent: 40, undetermined: true)
        let flags = rules.flags(for: open, today: day("2026-03-01"))
        #expect(flags.map(\.rule) == [.noDeadline])
        #expect(flags.first?.since == planDay && FlagRule.noDeadline.level == .yellow && !FlagRule.noDeadline.isRed)
        #expect(rules.flags(for: open, today: day("2025-11-18")).isEmpty, "nothing before the task was assigned")
        var done = open
        done.status = .completedOnTime
        #expect(rules.flags(for: done, today: day("2026-03-01")).isEmpty)
        // A recurring task has no deadline either, but it is not undetermined: no such warning.
        let recurring = TaskFacts(status: .inProgress, assignedOn: planDay, deadline: nil)
        #expect(rules.flags(for: recurring, today: day("2026-03-01")).isEmpty)
    }
}
