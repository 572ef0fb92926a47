import Foundation
import GRDB
import NQ57API
import TasksRules

/// One entry of a task's history, as much of it as replaying states needs.
struct ReplayEvent: Sendable {
    let day: Day
    let kind: TaskHistoryKind
    let percent: Int?
    /// The report period ("" for a task with a deadline).
    let period: String
    let previousDeadline: String?
    let newDeadline: String?

    /// The history of every task led at or below `path`, oldest first, by task.
    static func all(_ db: Database, under path: String) throws -> [String: [ReplayEvent]] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.task_id, e.at, e.kind, e.percent, e.period, e.previous_deadline, e.new_deadline
            FROM task_events e JOIN tasks t ON t.id = e.task_id
            WHERE substr(t.lead_unit_path, 1, length(?)) = ? ORDER BY e.seq
            """, arguments: [path, path])
        var byTask: [String: [ReplayEvent]] = [:]
        while let row = try rows.next() {
            let kindText: String = row[2]
            guard let kind = TaskHistoryKind(rawValue: kindText) else { continue }
            let taskId: String = row[0]
            let at: Double = row[1]
            let period: String? = row[4]
            byTask[taskId, default: []].append(ReplayEvent(day: Day(Date(timeIntervalSince1970: at)), kind: kind, percent: row[3],
                                                           period: period ?? "", previousDeadline: row[5], newDeadline: row[6]))
        }
        return byTask
    }
}

extension TaskRecord {
    /// The task as its history leaves it at the end of `day`, or after every entry when `day` is nil:
    /// state, progress, deadline in force and claims, rebuilt with the same moves the workflow makes.
    func replayed(_ events: [ReplayEvent], until day: Day?) -> TaskRecord {
        var task = self
        // The deadline before any recorded decision; each decision then applies on its day.
        if let first = events.first(where: { $0.kind == .setDeadline }) { task.deadline = first.previousDeadline }
        task.state = .notStarted
        task.percent = 0
        var claims: [String: ClaimRecord] = [:]
        func claim(_ period: String) -> ClaimRecord {
            claims[period] ?? ClaimRecord(taskId: id, period: period, state: recurrence == nil ? task.state : .inProgress)
        }
        for event in events {
            if let day, event.day > day { break }
            switch event.kind {
            case .progress:
                task.percent = event.percent ?? task.percent
                if task.state == .notStarted { task.state = .inProgress }
            case .claim:
                claims[event.period] = claim(event.period)
            case .submit:
                var drafted = claim(event.period)
                drafted.state = .submitted
                drafted.submittedOn = event.day.iso
                claims[event.period] = drafted
                if recurrence == nil { task.state = .submitted } else if task.state == .notStarted { task.state = .inProgress }
            case .accept, .sendBack:
                var decided = claim(event.period)
                let due = recurrence == nil ? task.deadline.flatMap(Day.init(iso:)) : PeriodKey(key: event.period)?.end
                let submitted = decided.submittedOn.flatMap(Day.init(iso:)) ?? event.day
                let next: TaskStatus = event.kind == .sendBack ? .needsRework
                    : (due.map { submitted > $0 } == true ? .completedLate : .completedOnTime)
                decided.state = next
                decided.decidedOn = event.day.iso
                if next == .needsRework { decided.sentBackOn = event.day.iso }
                claims[event.period] = decided
                if recurrence == nil {
                    task.state = next
                    if next.isCompleted { task.percent = 100 }
                }
            case .setDeadline:
                task.deadline = event.newDeadline
            }
        }
        task.claims = claims.keys.sorted().compactMap { claims[$0] }
        return task
    }

    /// Whether replaying every entry of `events` gives the task as stored: if not (a task loaded with
    /// its state but without history), its past states cannot be rebuilt.
    func historyExplainsState(_ events: [ReplayEvent]) -> Bool {
        let full = replayed(events, until: nil)
        func states(_ claims: [ClaimRecord]) -> [String: TaskStatus] {
            Dictionary(claims.map { ($0.period, $0.state) }, uniquingKeysWith: { _, last in last })
        }
        return full.state == state && full.percent == percent && full.deadline == deadline && states(full.claims) == states(claims)
    }
}

/// Tasks as they stood on a past day, with a note of how that was found.
struct TasksAsOf {
    /// The tasks whose history explains their state, with that history; the rest as stored.
    let replayable: [(task: TaskRecord, events: [ReplayEvent])]
    let unexplained: [TaskRecord]

    /// Sorts `tasks` by whether their history explains them.
    init(_ tasks: [TaskRecord], events: [String: [ReplayEvent]]) {
        var replayable: [(task: TaskRecord, events: [ReplayEvent])] = []
        var unexplained: [TaskRecord] = []
        for task in tasks {
            let history = events[task.id] ?? []
            if task.historyExplainsState(history) { replayable.append((task: task, events: history)) } else { unexplained.append(task) }
        }
        self.replayable = replayable
        self.unexplained = unexplained
    }

    /// The tasks at the end of `day` (those without an explaining history as stored).
    func tasks(on day: Day) -> [TaskRecord] {
        replayable.map { $0.task.replayed($0.events, until: day) } + unexplained
    }

    /// What people read about the states of `day`.
    func info(on day: Day) -> StatesAsOfInfo {
        let note = "Trạng thái nhiệm vụ tính lại theo lịch sử đến hết ngày \(day)"
            + (unexplained.isEmpty ? "" : "; \(unexplained.count) nhiệm vụ không có lịch sử nên hiển thị trạng thái hiện tại")
        return StatesAsOfInfo(basis: "replayed", current: unexplained.count, note: note)
    }

    /// The note for a day that is today or later: the states are today's.
    static func current(on day: Day) -> StatesAsOfInfo {
        StatesAsOfInfo(basis: "current", current: 0, note: "Trạng thái nhiệm vụ hiện tại (ngày \(day))")
    }
}
