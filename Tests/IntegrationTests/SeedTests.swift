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

        // The first run names no folder and runs outside the repository: the built nq57 finds the seeds it ships with.
        let elsewhere = try Self.temporaryFolder()
        let first = try await ChildProcess.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", elsewhere, Executables.path("nq57"), "seed"] + common,
                                               timeout: 120)
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

        // 27-KH/ĐU of xã Bình Tân: every task, in its group, its deadline read from the plan's words.
        let plans = try await system.client.call(TasksPlanList.self, .init(unitId: "vn-75-25246"), token: token).plans
        let plan = try #require(plans.first { $0.number == "27-KH/ĐU" })
        #expect(plan.issuedOn == "2025-11-19")
        #expect(plan.groups.map(\.code) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"])
        let tasks = try await system.client.call(TasksList.self, .init(unitId: "vn-75-25246", planId: plan.id), token: token).tasks
        // Source (Phụ lục II): I 2, II 3, III 5, IV 3, V 2, VI 2, VII 4, VIII 4, IX 1: all 26, none skipped.
        #expect(Self.perGroup(tasks.map(\.groupCode)) == ["I": 2, "II": 3, "III": 5, "IV": 3, "V": 2, "VI": 2, "VII": 4, "VIII": 4, "IX": 1])
        let steering = try #require(tasks.first { $0.title.hasPrefix("Thành lập Ban Chỉ đạo cấp xã") })
        #expect(steering.timeText == "Hoàn thành trong tháng 11 năm 2025")
        #expect(steering.deadline == "2025-11-30")
        #expect(tasks.filter { $0.recurrence?.rawValue == "month" }.count == 11, "11 tasks are \"Thực hiện thường xuyên\"")
        // II.1–3 state no time: chưa xác định thời hạn. III.1's "Quý III năm 2025" precedes the plan: kept, noted, due from 19/11/2025.
        #expect(tasks.filter { $0.deadlineKind == .undetermined }.map(\.groupCode) == ["II", "II", "II"])
        let early = try #require(tasks.first { $0.timeText == "Hoàn thành trong Quý III năm 2025" })
        #expect(early.groupCode == "III" && early.statedDeadline == "2025-09-30" && early.deadline == "2025-11-19")
        #expect(early.deadlineBasis == .planDate && early.deadlineNote?.contains("30/09/2025") == true)
        #expect(first.stdout.contains("Kế hoạch 27-KH/ĐU: ") && first.stdout.contains("26 nhiệm vụ (3 chưa xác định thời hạn)"))
        #expect(first.stdout.contains("lưu ý dòng 912: Thời hạn ghi trong văn bản (30/09/2025) trước ngày ban hành kế hoạch"))
        #expect(first.stdout.split(separator: "\n").filter { $0.contains("bỏ qua") }.allSatisfy { $0.contains("tên chỉ tiêu") },
                "no task is skipped: only the four KPI rows whose name the OCR lost")
        try Self.matchSource("27-KH-DU-binh-tan.json", tasks)

        // 02-KH/BCĐ of phường Bình Long: its 13 directions state no time; all are loaded and listed by the CLI.
        let wardPlan = try #require(try await system.client.call(TasksPlanList.self, .init(unitId: "vn-75-25326"), token: token).plans.first)
        let wardTasks = try await system.client.call(TasksList.self, .init(unitId: "vn-75-25326", planId: wardPlan.id), token: token).tasks
        #expect(Self.perGroup(wardTasks.map(\.groupCode)) == ["1": 2, "2.a": 3, "2.b": 5, "2.c": 3])
        #expect(wardTasks.allSatisfy { $0.deadlineKind == .undetermined && $0.timeText.isEmpty && $0.deadline == nil })
        #expect(wardTasks.allSatisfy { $0.flags.map(\.rule) == [.noDeadline] }, "a warning of their own, not a red flag")
        try Self.matchSource("02-KH-BCD-binh-long.json", wardTasks)
        let listed = try await ChildProcess.run("nq57", ["tasks", "list", "--unit", "vn-75-25326"] + common)
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 14 && lines.first?.hasPrefix("MÃ NHIỆM VỤ") == true, "a header, then one line per task")
        #expect(lines.dropFirst().allSatisfy { $0.contains("Chưa xác định thời hạn") })
        let dashboard = try await system.client.call(TasksDashboard.self, UnitAsOf(unitId: "vn-75-25326"), token: token)
        #expect(dashboard.total.undated == 13 && dashboard.total.red == 0)

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

    /// How many of `codes` there are of each.
    static func perGroup(_ codes: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for code in codes { counts[code, default: 0] += 1 }
        return counts
    }

    /// The loaded tasks are the source file's, one for one: the same titles in the same groups, with
    /// the source's wording of the time, or none where the source states none.
    static func matchSource(_ file: String, _ tasks: [TaskInfo]) throws {
        struct Source: Decodable {
            struct Task: Decodable { var group: String; var title: String; var time: String? }
            var tasks: [Task]
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(seedsFolder)/plans/\(file)"))
        let source = try JSONDecoder().decode(Source.self, from: data).tasks
        #expect(tasks.count == source.count, "\(file): every task of the source is loaded")
        for row in source {
            let task = tasks.first { $0.groupCode == row.group && $0.title == row.title }
            #expect(task != nil, "\(file): \(row.group) \(row.title.prefix(40)) is loaded")
            #expect(task?.timeText == (row.time ?? ""), "\(file): the wording of the time is the source's")
            #expect((task?.deadlineKind == .undetermined) == (row.time == nil))
        }
    }

    /// A new empty folder outside the repository.
    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-elsewhere-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
