import Foundation
import NQ57API
import NQ57Runtime
import NQ57TestSupport
import NQ57Wire
import Testing
import UnitRules
@testable import TasksCore

/// The fixed tree, in which phường Bình Phước was merged into xã Bình Tân on 01/01/2026.
struct MergedUnits: FixedUnitTree {
    static let paths = FixedUnits.paths

    func timeline(under unitId: String) async throws -> UnitTimeline {
        UnitTimeline(spans: [
            UnitSpan(id: "vn-75-25246", kind: "commune", parentId: "vn-75", from: "2025-07-01"),
            UnitSpan(id: "vn-75-25195", kind: "commune", parentId: "vn-75", from: "2025-07-01", until: "2026-01-01"),
        ], links: [UnitLink(predecessor: "vn-75-25195", successor: "vn-75-25246", kind: .merge, effective: "2026-01-01")])
    }
}

/// Scores under the tree of a day or re-totalled under today's, and an ended unit that reports no more.
@Suite struct UnitsOverTimeTests {
    static let province = Caller(account: "a-tinh", username: "vp.tinh", session: "s9",
                                 grants: [Grant(role: .reviewer, unitId: "vn-75", unitPath: "/vn/vn-75/"),
                                          Grant(role: .staff, unitId: "vn-75", unitPath: "/vn/vn-75/")])

    /// A context over `MergedUnits` on `today`, with one task due in 11/2025 led by each commune.
    func context(today: String) async throws -> (TasksContext, String) {
        let folder = "/tmp/nq57-tasks-\(UUID().uuidString.prefix(8))"
        let database = try ServiceDatabase(path: "\(folder)/tasks.sqlite") { TasksSchema.register(&$0) }
        let clock = ManualClock(NQ57Clock.parseDay("2025-11-20")!.addingTimeInterval(9 * 3600))
        let context = TasksContext(database: database, units: MergedUnits(), evidence: FixedEvidence(), clock: clock.clock)
        let plan = try await TaskPlanning(context).createPlan(.init(
            number: "01-KH/TU", title: "Kế hoạch", issuingUnitId: "vn-75", issuedOn: "2025-11-01", implements: ["Nghị quyết 57-NQ/TW"],
            groups: [TaskGroupInfo(code: "I", title: "Nhóm I")]), caller: Self.province)
        for lead in ["vn-75-25246", "vn-75-25195"] {
            _ = try await TaskPlanning(context).createTask(.init(planId: plan.id, groupCode: "I", title: "Việc của \(lead)", leadUnitId: lead,
                                                                 timeText: "Hoàn thành trong tháng 11 năm 2025"), caller: Self.province)
        }
        clock.advance(by: NQ57Clock.parseDay(today)!.timeIntervalSince(NQ57Clock.parseDay("2025-11-20")!))
        return (context, folder)
    }

    @Test("Before the merge both communes are listed, but the predecessor is not ranked beside its successor")
    func rankingOfTheDay() async throws {
        let (context, folder) = try await context(today: "2026-02-01")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scores = try await TaskReports(context).scores(UnitAsOf(unitId: "vn-75", asOf: "2025-12-15"))
        #expect(scores.tree == .asOf && scores.treeDay == "2025-12-15")
        #expect(Set(scores.units.map(\.unitId)) == ["vn-75-25246", "vn-75-25195"])
        #expect(scores.units.first { $0.unitId == "vn-75-25246" }?.rank == 1)
        #expect(scores.units.first { $0.unitId == "vn-75-25195" }?.rank == 0, "a predecessor is never ranked beside its successor")
        #expect(scores.units.first { $0.unitId == "vn-75-25195" }?.due == 1, "its tasks stay its own in the tree of that day")
    }

    @Test("Re-totalled under today's tree, the merged commune's tasks count for the commune that carries on its work")
    func retotal() async throws {
        let (context, folder) = try await context(today: "2026-02-01")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scores = try await TaskReports(context).scores(UnitAsOf(unitId: "vn-75", asOf: "2025-12-15", tree: .today))
        #expect(scores.tree == .today && scores.treeDay == "2026-02-01")
        #expect(scores.units.map(\.unitId) == ["vn-75-25246"])
        #expect(scores.units.first?.due == 2 && scores.units.first?.rank == 1)
        let after = try await TaskReports(context).scores(UnitAsOf(unitId: "vn-75", asOf: "2026-01-15"))
        #expect(after.units.map(\.unitId) == ["vn-75-25246"], "the tree of a day after the merge")
    }

    @Test("A commune ended by the merge takes no new progress report; its tasks stay readable")
    func endedTakesNoReport() async throws {
        let (context, folder) = try await context(today: "2026-02-01")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tasks = try await TaskReads(context).list(.init(unitId: "vn-75-25195"))
        let task = try #require(tasks.first)
        let refusal = await rpcError {
            _ = try await TaskWorkflow(context).progress(.init(taskId: task.id, unitId: "vn-75-25195", percent: 50), caller: Self.province)
        }
        #expect(refusal?.code == .failedPrecondition && refusal?.details?["field"] == "unitId")
        #expect(refusal?.message.contains("01/01/2026") == true)
        #expect(try await TaskReads(context).list(.init(unitId: "vn-75-25195")).map(\.id) == [task.id])
    }
}
