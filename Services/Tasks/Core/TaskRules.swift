import Foundation
import NQ57API
import NQ57Wire
import TasksRules

/// The tasks service's bridge to the pure rules (`TasksRules`): turns stored rows into the
/// rules' facts and the rules' answers into API shapes and `RPCError`s.
enum TaskRules {
    /// A step of the workflow.
    enum Event {
        case progress(Int)
        case submit(evidence: Int, on: String)
        case accept(submittedOn: String, periodEnd: String?)
        case sendBack(reason: String)
    }

    /// The deadline or recurrence a plan's time wording means; unreadable wording is an error naming it.
    static func timing(_ text: String) throws -> (deadline: String?, recurrence: String?) {
        do {
            switch try DeadlineParser.parse(text) {
            case .due(let day): return (day.iso, nil)
            case .recurring(let period): return (nil, period.rawValue)
            }
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": "timeText", "text": text])
        }
    }

    /// The state after `event`, or `failed_precondition` (illegal step) / `invalid_argument` (bad value).
    static func apply(_ event: Event, to state: TaskState, deadline: String?) throws -> TaskState {
        let status = TaskStatus(rawValue: state.rawValue) ?? .notStarted
        let ruleEvent: TaskEvent
        var due = deadline.flatMap(Day.init(iso:))
        switch event {
        case .progress(let percent): ruleEvent = .progress(percent: percent)
        case .submit(let count, let on): ruleEvent = .submit(evidenceCount: count, on: Day(iso: on)!)
        case .accept(let submittedOn, let periodEnd):
            ruleEvent = .accept(submittedOn: Day(iso: submittedOn)!)
            if let periodEnd { due = Day(iso: periodEnd) }
        case .sendBack(let reason): ruleEvent = .sendBack(reason: reason)
        }
        do {
            let next = try TaskStateMachine.apply(ruleEvent, to: status, deadline: due)
            return TaskState(rawValue: next.rawValue)!
        } catch {
            let code: ErrorCode = error.kind == .invalidArgument ? .invalidArgument : .failedPrecondition
            throw RPCError(code, error.message, details: ["from": error.from.rawValue, "event": error.event])
        }
    }

    static func isOverdue(_ task: TaskRecord, asOf: String) -> Bool {
        guard task.recurrence == nil, let today = Day(iso: asOf) else { return false }
        return TaskStateMachine.isOverdue(status: TaskStatus(rawValue: task.state.rawValue) ?? .notStarted,
                                          deadline: task.deadline.flatMap(Day.init(iso:)), today: today)
    }

    /// Red flags and warnings of a task on `asOf`.
    static func flags(for task: TaskRecord, asOf: String, warningDays: Int) -> [FlagInfo] {
        guard let today = Day(iso: asOf), let assigned = Day(iso: task.assignedOn) else { return [] }
        let rules = FlagRules(warningDays: warningDays)
        func info(_ rule: String, red: Bool, text: String, since: Day, detail: String) -> FlagInfo {
            FlagInfo(rule: rule, level: red ? "red" : "yellow", ruleText: text, since: since.iso, detail: detail, taskId: task.id,
                     taskTitle: task.title, unitId: task.leadUnitId)
        }
        if let recurrence = task.recurrence.flatMap(Period.init(rawValue:)) {
            guard assigned <= today else { return [] }
            let reported = Set(task.claims.filter { [.submitted, .completedOnTime, .completedLate].contains($0.state) }
                .compactMap { PeriodKey(key: $0.period) })
            var flags = rules.missingReports(period: recurrence, assignedOn: assigned, reportedPeriods: reported, today: today).map { key in
                info("missingReport", red: true, text: "Không gửi báo cáo định kỳ", since: key.end.adding(days: 1),
                     detail: "Chưa có báo cáo \(key.displayName), hạn \(key.end).")
            }
            for claim in task.claims where claim.state == .needsRework {
                let since = claim.sentBackOn.flatMap(Day.init(iso:)) ?? today
                flags.append(info(FlagRule.sentBack.rawValue, red: true, text: FlagRule.sentBack.ruleText, since: since,
                                  detail: "Báo cáo \(PeriodKey(key: claim.period)?.displayName ?? claim.period) bị trả lại, chờ hoàn thiện."))
            }
            return flags
        }
        let claim = task.claim(period: "")
        let facts = TaskFacts(status: TaskStatus(rawValue: task.state.rawValue) ?? .notStarted, assignedOn: assigned,
                              deadline: task.deadline.flatMap(Day.init(iso:)), percent: task.percent,
                              sentBackOn: claim?.sentBackOn.flatMap(Day.init(iso:)), submittedOn: claim?.submittedOn.flatMap(Day.init(iso:)))
        return rules.flags(for: facts, today: today).map { flag in
            info(flag.rule.rawValue, red: flag.rule.isRed, text: flag.rule.ruleText, since: flag.since, detail: flag.detail)
        }
    }

    /// The flags of many tasks, computed on every core; `result[i]` belongs to `tasks[i]`.
    static func flagsInParallel(_ tasks: [TaskRecord], asOf: String, warningDays: Int) -> [[FlagInfo]] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, tasks.count / 2_000))
        guard workers > 1 else { return tasks.map { flags(for: $0, asOf: asOf, warningDays: warningDays) } }
        let chunk = (tasks.count + workers - 1) / workers
        let parts = ResultSlots<[[FlagInfo]]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(tasks.count, (worker + 1) * chunk)
            parts.set(worker, tasks[range].map { flags(for: $0, asOf: asOf, warningDays: warningDays) })
        }
        return parts.values.flatMap { $0 ?? [] }
    }

    /// How many of the task's deadlines (or ended report periods) fall by `asOf`, and how many of
    /// those were completed on time with accepted evidence.
    static func dueAndOnTime(_ task: TaskRecord, asOf: String) -> (due: Int, onTime: Int) {
        guard let today = Day(iso: asOf) else { return (0, 0) }
        if let recurrence = task.recurrence.flatMap(Period.init(rawValue:)), let assigned = Day(iso: task.assignedOn) {
            var key = PeriodKey.containing(assigned, period: recurrence)
            var due = 0
            var onTime = 0
            while key.end < today {
                due += 1
                if task.claim(period: key.key)?.state == .completedOnTime { onTime += 1 }
                key = key.next
            }
            return (due, onTime)
        }
        guard let deadline = task.deadline.flatMap(Day.init(iso:)), deadline <= today else { return (0, 0) }
        return (1, task.state == .completedOnTime ? 1 : 0)
    }

    static func score(due: Int, onTime: Int) -> (percent: Double?, band: String, explanation: String) {
        let score = ScoreFormula.score(dueTasks: due, completedOnTimeWithAcceptedEvidence: onTime)
        return (score.percent, score.band.displayName, score.explanation)
    }

    static let formula = "Điểm = số nhiệm vụ đến hạn hoàn thành đúng hạn, có minh chứng được chấp nhận ÷ số nhiệm vụ đến hạn × 100%"

    /// dd/MM/yyyy for a stored yyyy-MM-dd.
    static func display(_ iso: String) -> String { Day(iso: iso)?.description ?? iso }

    static func display(_ state: TaskState) -> String { TaskStatus(rawValue: state.rawValue)?.displayName ?? state.rawValue }

    static func isValidPeriod(_ period: String, recurrence: String) -> Bool {
        guard let key = PeriodKey(key: period), let expected = Period(rawValue: recurrence) else { return false }
        return key.period == expected
    }

    static func periodExample(_ recurrence: String) -> String {
        switch Period(rawValue: recurrence) {
        case .quarter: "ví dụ 2025-Q3"
        case .halfYear: "ví dụ 2025-H2"
        case .year: "ví dụ 2025"
        default: "ví dụ 2025-11"
        }
    }

    static func periodEnd(_ period: String, recurrence: String?) -> String? {
        guard recurrence != nil, let key = PeriodKey(key: period) else { return nil }
        return key.end.iso
    }

    /// Task groups in the plans' order: I, II, … IX, then anything else alphabetically.
    static func groupOrder(_ a: String, _ b: String) -> Bool {
        let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
        switch (roman.firstIndex(of: a), roman.firstIndex(of: b)) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}

/// Results written by parallel workers, one slot each.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    var values: [Value?] { lock.withLock { slots } }
}
