import NQ57API
import NQ57Runtime
@testable import TasksCore
import Testing

/// `sys.metrics` of the tasks service shows red flags open today and claims waiting for review, counted with the
/// same rules as `tasks.flags`.
@Suite("Tasks gauges")
struct TasksGaugesTests {
    @Test("Red flags open and reviews waiting follow the flags and the submitted claims")
    func gaugesFollowFlagsAndClaims() async throws {
        let fixture = try TasksFixture(today: "2026-01-10")
        defer { fixture.remove() }
        func gauges() async throws -> [String: Double] {
            let read = try await TasksGauges.read(database: fixture.context.database, clock: fixture.clock.clock)
            return Dictionary(uniqueKeysWithValues: read.map { ($0.name, $0.value) })
        }
        #expect(try await gauges() == ["nq57_red_flags_open": 0, "nq57_reviews_waiting": 0])

        let plan = try await fixture.plan()
        let task = try await fixture.task(plan, time: "Thực hiện thường xuyên", assignedOn: "2025-11-01")
        let flags = try await fixture.reports.flags(UnitAsOf(unitId: "vn", asOf: "2026-01-10")).flags
        #expect(flags.count { $0.level == .red } == 2, "November and December 2025 have ended without a report")
        #expect(try await gauges() == ["nq57_red_flags_open": 2, "nq57_reviews_waiting": 0])

        _ = try await fixture.workflow.claim(.init(taskId: task.id, unitId: "vn-75-25246-pkt", evidenceIds: ["ev-vn-75-25246-pkt-1"],
                                                    period: "2025-11"), caller: TasksFixture.staff)
        _ = try await fixture.workflow.submit(.init(taskId: task.id, unitId: "vn-75-25246-pkt", period: "2025-11"), caller: TasksFixture.head)
        #expect(try await gauges() == ["nq57_red_flags_open": 1, "nq57_reviews_waiting": 1])
    }
}
