import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// `nq57 seed` loads seeds/ through the gateway, and a second run changes nothing.
@Suite(.serialized)
struct SeedTests {
    /// The repository's seeds folder, found from this file's path.
    static var seedsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds").path
    }

    @Test("Seeding twice: the units and plans arrive once; the second run says nothing changed")
    func idempotent() async throws {
        let system = try await TestSystem()
        let common = ["--data", system.root, "--session", "\(system.root)/admin.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common, input: TestSystem.adminPassword + "\n")
        #expect(login.status == 0)

        let first = try await ChildProcess.run("nq57", ["seed", "--seeds", Self.seedsFolder] + common, timeout: 120)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Đơn vị: 114 mới"))
        let second = try await ChildProcess.run("nq57", ["seed", "--seeds", Self.seedsFolder] + common, timeout: 120)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Không có gì thay đổi"))

        let token = try await system.login()
        let units = try await system.client.call(AuthUnitsList.self, .init(under: "vn-75", asOf: "2025-12-15"), token: token).units
        #expect(units.filter { $0.kind == .commune }.count == 95)
        #expect(units.first { $0.id == "vn-75-25246" }?.name == "Xã Bình Tân")
        #expect(units.first { $0.id == "vn-75-25270" }?.name == "Xã Lộc Ninh")
        let later = try await system.client.call(AuthUnitsList.self, .init(under: "vn-75-25270", asOf: "2026-05-01"), token: token).units
        #expect(later.first?.name == "Phường Lộc Ninh", "renamed on 30/04/2026, the old name kept for before")

        // 27-KH/ĐU of xã Bình Tân: every task with a readable time, in its group, its deadline read from the plan's words.
        let plans = try await system.client.call(TasksPlanList.self, .init(unitId: "vn-75-25246"), token: token).plans
        let plan = try #require(plans.first { $0.number == "27-KH/ĐU" })
        #expect(plan.issuedOn == "2025-11-19")
        #expect(plan.groups.map(\.code) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"])
        let tasks = try await system.client.call(TasksList.self, .init(unitId: "vn-75-25246", planId: plan.id), token: token).tasks
        var perGroup: [String: Int] = [:]
        for task in tasks { perGroup[task.groupCode, default: 0] += 1 }
        // Source (Phụ lục II): I 2, II 3, III 5, IV 3, V 2, VI 2, VII 4, VIII 4, IX 1; II.1–3 have no time in the
        // source and III.1's "Quý III năm 2025" falls before the plan's date, so those four are reported, not loaded.
        #expect(perGroup == ["I": 2, "III": 4, "IV": 3, "V": 2, "VI": 2, "VII": 4, "VIII": 4, "IX": 1])
        let steering = try #require(tasks.first { $0.title.hasPrefix("Thành lập Ban Chỉ đạo cấp xã") })
        #expect(steering.timeText == "Hoàn thành trong tháng 11 năm 2025")
        #expect(steering.deadline == "2025-11-30")
        #expect(tasks.filter { $0.recurrence?.rawValue == "month" }.count == 11, "11 tasks are \"Thực hiện thường xuyên\"")
        #expect(first.stdout.contains("trước ngày ban hành kế hoạch"), "the refused deadline is named")

        // Phụ lục I of 27-KH/ĐU: 43 KPI rows (hạ tầng 3, nguồn lực 6, KHCN 8, hệ sinh thái 8, chuyển đổi số 18); the four
        // whose name the OCR lost and the two whose direction it mangled are reported, not loaded.
        let kpis = try await system.client.call(MetricsIndicatorList.self, .init(unitId: "vn-75-25246", planNumber: "27-KH/ĐU"),
                                                token: token).indicators
        var kpiGroups: [String: Int] = [:]
        for kpi in kpis { kpiGroups[kpi.group, default: 0] += 1 }
        #expect(kpiGroups == ["Phát triển hạ tầng": 3, "Phát triển nguồn lực": 6, "Phát triển khoa học công nghệ": 8,
                              "Phát triển hệ sinh thái đổi mới sáng tạo": 6, "Phát triển chuyển đổi số": 16])
        // Source line 681: "Tổng chi ngân sách địa phương chi cho KHCN, đổi mới sáng tạo" ≥ 1 | ≥ 2 | 3 | 1,5 | 2 (%), Phòng Kinh tế.
        let budget = try #require(kpis.first { $0.code == "NL-01" })
        #expect(budget.sourceLine == 681 && budget.measure == .percent && budget.frequency == .quarter)
        #expect(budget.targets.map(\.milestone) == ["2025", "2030", "2035", "2040", "2045"])
        #expect(budget.targets.map(\.value) == [1, 2, 3, 1.5, 2])
        #expect(budget.targets.first?.due == "2025-12-31")
        // An unreadable target is unknown, never zero.
        let coverage = try #require(kpis.first { $0.code == "HT-01" })
        #expect(coverage.targets.filter { $0.value == nil }.map(\.milestone) == ["2025", "2030", "2035", "2040"])
        #expect(coverage.targets.last?.value == 100)

        // §I.1 of 02-KH/BCĐ: 13 targets with their dates, reported monthly.
        let ward = try await system.client.call(MetricsIndicatorList.self, .init(unitId: "vn-75-25326", planNumber: "02-KH/BCĐ"),
                                                token: token).indicators
        #expect(ward.count == 13)
        let online = try #require(ward.first { $0.code == "CDS-01" })
        #expect(online.targets.map(\.milestone) == ["2026-01-01"] && online.targets.first?.target == "≥ 70")
        #expect(Set(ward.flatMap { $0.targets.map(\.due) }).isSubset(of: ["2026-01-01", "2026-12-31", "2030-12-31"]))
        #expect(await system.stop() == 0)
    }
}
