import Foundation
import NQ57API
import TasksRules

/// The tasks rules (`TasksRules`) applied to a stored task: where it stands on a day, its
/// flags, and how it counts towards its unit's score.
extension TaskRecord {
    /// Whether the task is past its deadline and not completed on `today` (never for a recurring task).
    func isOverdue(on today: Day) -> Bool {
        guard recurrence == nil else { return false }
        return TaskStateMachine.isOverdue(status: state, deadline: deadline.flatMap(Day.init(iso:)), today: today)
    }

    /// For people: how the deadline in force differs from the plan's wording, or `nil` when it is the wording's own.
    var deadlineNote: String? {
        let stated = statedDeadline.flatMap(Day.init(iso:))
        let inForce = deadline.flatMap(Day.init(iso:))
        switch deadlineBasis {
        case .source:
            return nil
        case .planDate:
            guard let stated, let inForce else { return nil }
            return SourceDeadline(deadline: .due(inForce), statedDay: stated).discrepancyNote(planIssuedOn: inForce)
        case .decision:
            let wording = timeText.isEmpty ? "văn bản không nêu thời hạn" : "văn bản ghi \"\(timeText)\""
                + (stated.map { " (\($0))" } ?? "")
            return "Thời hạn \(inForce.map(\.description) ?? "") do quyết định đặt (xem lịch sử nhiệm vụ); \(wording)."
        }
    }

    /// Red flags and warnings of the task on `today`.
    func flags(on today: Day, warningDays: Int) -> [FlagInfo] {
        guard let assigned = Day(iso: assignedOn) else { return [] }
        let rules = FlagRules(warningDays: warningDays)
        func info(_ rule: FlagRule, since: Day, detail: String) -> FlagInfo {
            FlagInfo(rule: rule, since: since.iso, detail: detail, taskId: id, taskTitle: title, unitId: leadUnitId, programmes: programmes)
        }
        if let recurrence {
            guard assigned <= today else { return [] }
            let reported = Set(claims.filter { [.submitted, .completedOnTime, .completedLate].contains($0.state) }
                .compactMap { PeriodKey(key: $0.period) })
            var flags = rules.missingReports(period: recurrence, assignedOn: assigned, reportedPeriods: reported, today: today).map { key in
                info(.missingReport, since: key.end.adding(days: 1), detail: "Chưa có báo cáo \(key.displayName), hạn \(key.end).")
            }
            for claim in claims where claim.state == .needsRework {
                let since = claim.sentBackOn.flatMap(Day.init(iso:)) ?? today
                flags.append(info(.sentBack, since: since,
                                  detail: "Báo cáo \(PeriodKey(key: claim.period)?.displayName ?? claim.period) bị trả lại, chờ hoàn thiện."))
            }
            return flags
        }
        let claim = claim(period: "")
        let facts = TaskFacts(status: state, assignedOn: assigned, deadline: deadline.flatMap(Day.init(iso:)), percent: percent,
                              sentBackOn: claim?.sentBackOn.flatMap(Day.init(iso:)), submittedOn: claim?.submittedOn.flatMap(Day.init(iso:)),
                              undetermined: deadlineKind == .undetermined)
        return rules.flags(for: facts, today: today).map { info($0.rule, since: $0.since, detail: $0.detail) }
    }

    /// Adds the task to its unit's tally on `today`: a task with a deadline once that has passed or
    /// is today; a recurring task with the report periods ended before `today`.
    func tally(into tally: inout ScoreTally, by today: Day) {
        if let recurrence, let assigned = Day(iso: assignedOn) {
            var key = PeriodKey.containing(assigned, period: recurrence)
            var due = 0
            var onTime = 0
            while key.end < today {
                due += 1
                if claim(period: key.key)?.state == .completedOnTime { onTime += 1 }
                key = key.next
            }
            tally.addRecurringTask(periodsDue: due, periodsOnTime: onTime)
            return
        }
        guard let deadline = deadline.flatMap(Day.init(iso:)) else { return }
        tally.addDeadlineTask(due: deadline <= today, onTime: state == .completedOnTime)
    }
}

extension Array where Element == TaskRecord {
    /// The flags of many tasks, computed on every core; `result[i]` belongs to `self[i]`.
    func flags(on today: Day, warningDays: Int) -> [[FlagInfo]] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, Swift.max(1, count / 2_000))
        guard workers > 1 else { return map { $0.flags(on: today, warningDays: warningDays) } }
        let chunk = (count + workers - 1) / workers
        let parts = ResultSlots<[[FlagInfo]]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<Swift.min(count, (worker + 1) * chunk)
            parts.set(worker, self[range].map { $0.flags(on: today, warningDays: warningDays) })
        }
        return parts.values.flatMap { $0 ?? [] }
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
