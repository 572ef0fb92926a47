import Benchmark
import MetricsRules
import NQ57Calendar
import TasksRules

/// The rules behind dashboards: red flags of a province's tasks, and KPI roll-ups over its communes.
let benchmarks: @Sendable () -> Void = {
    // A shared 2-core machine: time may wander by a quarter at the median before it counts as a regression;
    // allocations are exact, so 5% more of them does.
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2),
                                           thresholds: [.wallClock: .relaxed, .throughput: .relaxed, .mallocCountTotal: .default])

    let today = Day(iso: "2026-01-10")!
    let assigned = Day(iso: "2025-06-01")!
    let statuses: [TaskStatus] = [.notStarted, .inProgress, .submitted, .needsRework, .completedOnTime, .completedLate]
    // 10,000 tasks in every state, deadlines spread over a year around today.
    let tasks: [TaskFacts] = (0..<10_000).map { index in
        TaskFacts(status: statuses[index % statuses.count], assignedOn: assigned,
                  deadline: index % 7 == 0 ? nil : today.adding(days: index % 365 - 180), percent: index % 101,
                  sentBackOn: index % 6 == 3 ? today.adding(days: -(index % 30)) : nil,
                  submittedOn: index % 6 == 2 ? today.adding(days: -(index % 20)) : nil)
    }
    let rules = FlagRules(warningDays: 7)

    Benchmark("Flag rules: 10,000 tasks") { benchmark in
        for _ in benchmark.scaledIterations {
            var red = 0
            for task in tasks { red += rules.flags(for: task, today: today).count }
            blackHole(red)
        }
    }

    // Đồng Nai's 95 communes and wards, one value each; a few have not reported.
    let children: [ChildValue] = (0..<95).map { (index: Int) -> ChildValue in
        let value = Double(index % 50) + 0.5
        let numerator = Double(index * 3 % 200)
        let denominator = Double(200 + index)
        let number: ReportedNumber? = index % 13 == 0 ? nil : ReportedNumber(value: value, numerator: numerator, denominator: denominator)
        return ChildValue(unitId: "vn-75-\(25_000 + index)", number: number)
    }

    Benchmark("Roll-up: weighted ratio over 95 communes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(RollUp.combine(.weightedRatio, children: children))
        }
    }

    Benchmark("Roll-up: sum over 95 communes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(RollUp.combine(.sum, children: children))
        }
    }
}
