import Testing
@testable import TasksRules

/// Every status × event pair against the transition table, and the values events carry.
@Suite struct TaskStateMachineTests {
    static let deadline = day("2025-11-30")

    /// One legal-looking event of each kind (an on-time acceptance).
    static let events: [TaskEvent] = [
        .progress(percent: 40),
        .submit(evidenceCount: 2, on: day("2025-11-25")),
        .accept(submittedOn: day("2025-11-25")),
        .sendBack(reason: "Minh chứng chưa có chữ ký"),
        .reopen,
    ]

    /// The expected table: status → event name → next status; a missing entry is illegal.
    static let table: [TaskStatus: [String: TaskStatus]] = [
        .notStarted: ["progress": .inProgress, "submit": .submitted],
        .inProgress: ["progress": .inProgress, "submit": .submitted],
        .submitted: ["accept": .completedOnTime, "sendBack": .needsRework],
        .needsRework: ["progress": .needsRework, "submit": .submitted],
        .completedOnTime: ["reopen": .inProgress],
        .completedLate: ["reopen": .inProgress],
    ]

    @Test("All 30 status × event pairs follow the table; the rest are refused as illegal")
    func everyPair() {
        var legal = 0
        var illegal = 0
        for status in TaskStatus.allCases {
            for event in Self.events {
                let expected = Self.table[status]?[event.name]
                do {
                    let next = try TaskStateMachine.apply(event, to: status, deadline: Self.deadline)
                    #expect(next == expected, "\(status) + \(event.name)")
                    legal += 1
                } catch {
                    #expect(expected == nil, "\(status) + \(event.name) refused: \(error.message)")
                    #expect(error.kind == .illegalTransition)
                    #expect(error.from == status)
                    #expect(error.event == event.name)
                    #expect(error.message.hasPrefix("Không thể "))
                    #expect(error.message.contains("\"\(status.displayName)\""))
                    illegal += 1
                }
            }
        }
        #expect(legal == 10)
        #expect(illegal == 20)
    }

    @Test("Acceptance is on time up to the deadline day, late after, on time without a deadline")
    func acceptance() throws {
        let submitted = TaskStatus.submitted
        #expect(try TaskStateMachine.apply(.accept(submittedOn: day("2025-11-29")), to: submitted, deadline: Self.deadline)
            == .completedOnTime)
        #expect(try TaskStateMachine.apply(.accept(submittedOn: day("2025-11-30")), to: submitted, deadline: Self.deadline)
            == .completedOnTime)
        #expect(try TaskStateMachine.apply(.accept(submittedOn: day("2025-12-01")), to: submitted, deadline: Self.deadline)
            == .completedLate)
        #expect(try TaskStateMachine.apply(.accept(submittedOn: day("2030-01-01")), to: submitted, deadline: nil)
            == .completedOnTime)
    }

    @Test("Reviewing a task that is not waiting for review names the status and the rule")
    func reviewMessage() throws {
        let error = try #require(refusal(.accept(submittedOn: Self.deadline), from: .notStarted))
        #expect(error.message == "Không thể thẩm định nhiệm vụ đang ở trạng thái \"Chưa triển khai\": "
            + "chỉ nhiệm vụ \"Chờ thẩm định\" mới được chấp nhận hoặc trả lại.")
        #expect(error.event == "accept")
        let sendBack = try #require(refusal(.sendBack(reason: "Thiếu"), from: .needsRework))
        #expect(sendBack.message.hasPrefix("Không thể thẩm định nhiệm vụ đang ở trạng thái \"Chờ hoàn thiện\""))
        #expect(sendBack.event == "sendBack")
    }

    @Test("A second acceptance is illegal")
    func secondAccept() throws {
        let first = try TaskStateMachine.apply(.accept(submittedOn: Self.deadline), to: .submitted, deadline: Self.deadline)
        #expect(first == .completedOnTime)
        let error = try #require(refusal(.accept(submittedOn: Self.deadline), from: first))
        #expect(error.kind == .illegalTransition)
        #expect(error.message == "Không thể thẩm định nhiệm vụ đang ở trạng thái \"Hoàn thành đúng hạn\": "
            + "chỉ nhiệm vụ \"Chờ thẩm định\" mới được chấp nhận hoặc trả lại.")
    }

    @Test("Progress must lie in 0...100", arguments: [TaskStatus.notStarted, .inProgress, .needsRework])
    func progressRange(status: TaskStatus) throws {
        let expected: TaskStatus = status == .needsRework ? .needsRework : .inProgress
        #expect(try TaskStateMachine.apply(.progress(percent: 0), to: status, deadline: nil) == expected)
        #expect(try TaskStateMachine.apply(.progress(percent: 100), to: status, deadline: nil) == expected)
        for percent in [-1, 101, 250] {
            let error = try #require(refusal(.progress(percent: percent), from: status))
            #expect(error.kind == .invalidArgument)
            #expect(error.from == status)
            #expect(error.message == "Không thể cập nhật tiến độ \(percent)%: tiến độ phải từ 0 đến 100%.")
        }
    }

    @Test("A claim needs at least one piece of evidence", arguments: [0, -1])
    func evidenceRequired(count: Int) throws {
        let error = try #require(refusal(.submit(evidenceCount: count, on: Self.deadline), from: .inProgress))
        #expect(error.kind == .invalidArgument)
        #expect(error.event == "submit")
        #expect(error.message.contains("minh chứng"))
        #expect(try TaskStateMachine.apply(.submit(evidenceCount: 1, on: Self.deadline), to: .needsRework, deadline: nil)
            == .submitted)
    }

    @Test("Sending back needs a reason that is not blank", arguments: ["", "   ", "\n\t"])
    func reasonRequired(reason: String) throws {
        let error = try #require(refusal(.sendBack(reason: reason), from: .submitted))
        #expect(error.kind == .invalidArgument)
        #expect(error.message.contains("lý do"))
    }

    @Test("The status is checked before the event's values")
    func statusFirst() throws {
        let error = try #require(refusal(.progress(percent: 150), from: .completedLate))
        #expect(error.kind == .illegalTransition)
        #expect(error.message == "Không thể cập nhật tiến độ nhiệm vụ đang ở trạng thái \"Hoàn thành trễ hạn\": "
            + "chỉ nhiệm vụ \"Chưa triển khai\", \"Đang thực hiện\" hoặc \"Chờ hoàn thiện\" mới được cập nhật tiến độ.")
    }

    @Test("Overdue means the deadline has passed and the task is not completed")
    func overdue() {
        let deadline = Self.deadline
        #expect(!TaskStateMachine.isOverdue(status: .inProgress, deadline: deadline, today: day("2025-11-30")))
        #expect(TaskStateMachine.isOverdue(status: .inProgress, deadline: deadline, today: day("2025-12-01")))
        #expect(TaskStateMachine.isOverdue(status: .notStarted, deadline: deadline, today: day("2026-03-01")))
        #expect(TaskStateMachine.isOverdue(status: .submitted, deadline: deadline, today: day("2025-12-01")))
        #expect(TaskStateMachine.isOverdue(status: .needsRework, deadline: deadline, today: day("2025-12-01")))
        #expect(!TaskStateMachine.isOverdue(status: .completedOnTime, deadline: deadline, today: day("2025-12-01")))
        #expect(!TaskStateMachine.isOverdue(status: .completedLate, deadline: deadline, today: day("2025-12-01")))
        #expect(!TaskStateMachine.isOverdue(status: .inProgress, deadline: nil, today: day("2099-12-31")))
    }

    @Test("Statuses have their Vietnamese names")
    func displayNames() {
        #expect(TaskStatus.allCases.map(\.displayName) == [
            "Chưa triển khai", "Đang thực hiện", "Chờ thẩm định", "Chờ hoàn thiện",
            "Hoàn thành đúng hạn", "Hoàn thành trễ hạn",
        ])
    }

    /// The error `event` from `status` is refused with, or `nil` (recorded) if it was allowed.
    private func refusal(_ event: TaskEvent, from status: TaskStatus) -> TransitionError? {
        do {
            let next = try TaskStateMachine.apply(event, to: status, deadline: Self.deadline)
            Issue.record("\(event.name) from \(status) was allowed, giving \(next)")
            return nil
        } catch {
            return error
        }
    }
}
