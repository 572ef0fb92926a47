import ArgumentParser
import Foundation
import NQ57API
import NQ57Calendar
import NQ57Wire
import UnitRules

/// `nq57 seed`: loads the units and the plans in `seeds/` (found by `SeedsFolder`) through the
/// gateway's API, as the logged-in admin; a second run changes nothing and says so. Every task of a
/// plan is loaded, those without a time as "chưa xác định thời hạn".
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Nạp đơn vị và các kế hoạch trong thư mục seeds/ qua API (cần đăng nhập quản trị); chạy lại không thay đổi gì.")

    @Option(name: .long, help: "Thư mục dữ liệu gốc (mặc định: seeds cài kèm chương trình, <bin>/../share/nq57/seeds, <bin>/seeds, rồi ./seeds).")
    var seeds: String?
    @Flag(name: .long, help: "Thêm lịch sử minh họa (tiến độ, báo cáo, minh chứng, thẩm định) đến ngày hôm nay của hệ thống; đánh dấu rõ là dữ liệu minh họa.")
    var demo = false
    @OptionGroup var connection: ClientOptions

    /// A unit as `seeds/units.json` lists it.
    struct SeedUnit: Decodable {
        var id: String
        var parentId: String
        var kind: UnitKind
        var code: String?
        var names: [UnitName]
    }

    /// A plan file of `seeds/plans/`.
    struct SeedPlan: Decodable {
        struct Plan: Decodable {
            var number: String
            var title: String
            var issuingUnitId: String
            var issuedOn: String
            var implements: [String]
            var period: String?
            var groups: [TaskGroupInfo]
        }
        struct Task: Decodable {
            var group: String
            var title: String
            var leadUnitId: String
            var output: String?
            var time: String?
            var sourceLine: Int?
        }
        var plan: Plan
        var tasks: [Task]
        var indicators: [SeedIndicator]?
        /// How often the plan asks for KPI values: month or quarter (default month).
        var kpiFrequency: Period?
    }

    func run() async throws {
        let folder = try SeedsFolder.locate(explicit: seeds)
        let client = connection.address.makeClient()
        defer { Task { await client.close() } }
        guard let token = try await connection.token(client: client) else {
            throw CLIFailure("Cần đăng nhập quản trị trước: nq57 login --user admin")
        }
        do {
            try await Self.load(seeds: folder, client: client, token: token)
            guard demo else { return }
            let health = try await client.call(SysHealth.self, SysHealth.Params())
            guard let today = health.today.flatMap(Day.init(iso:)) else { throw CLIFailure("Hệ thống không cho biết ngày hôm nay.") }
            let phases = DemoHistory.phases.filter { $0 <= today }
            if let last = phases.last { try await DemoUnitChanges.apply(on: last, seeds: folder, client: client, token: token) }
            try await DemoHistory.prepare(client: client, adminToken: token).play(phases)
            print("Dữ liệu minh họa: \(phases.count) tháng đến \(today) (tài khoản minhhoa.*, mật khẩu \(DemoHistory.password)).")
        } catch let error as RPCError {
            throw CLIFailure(error)
        }
    }

    /// Loads the units and every plan of `seeds` as the admin whose token is `token`; with
    /// `namesUntil`, only the names that started by then (the demo gives later ones on their day).
    static func load(seeds: String, client: RPCClient, token: String, namesUntil: Day? = nil) async throws {
        var changes = try await loadUnits(seeds: seeds, client: client, token: token, namesUntil: namesUntil)
        let folder = "\(seeds)/plans"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            changes += try await loadPlan("\(folder)/\(file)", client: client, token: token)
        }
        print(changes == 0 ? "Không có gì thay đổi: dữ liệu gốc đã được nạp đủ." : "Đã nạp: \(changes) thay đổi.")
    }


    private static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure("Không đọc được \(path).") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw CLIFailure("\(path) không đúng định dạng: \(error)")
        }
    }

    /// Creates missing units and adds dated names they lack; returns how many changes.
    private static func loadUnits(seeds: String, client: RPCClient, token: String, namesUntil: Day? = nil) async throws -> Int {
        struct File: Decodable { var units: [SeedUnit] }
        var units = try decode(File.self, "\(seeds)/units.json").units
        if let namesUntil {
            for index in units.indices {
                let names = units[index].names.filter { $0.validFrom <= namesUntil.iso }
                if !names.isEmpty { units[index].names = names }
            }
        }
        let existing = try await client.call(AuthUnitsList.self, .init(), token: token).units
        let known = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var created = 0
        var renamed = 0
        for unit in units {
            if let current = known[unit.id] {
                // A name that only places a tone mark elsewhere (Hòa/Hoà) than the one in force then is no rename.
                for name in unit.names where !current.names.contains(name)
                    && !(UnitNames.inForce(current.names, on: name.validFrom) { $0.validFrom }.map { UnitNames.same($0.name, name.name) } ?? false) {
                    _ = try await client.call(AuthUnitsRename.self, .init(unitId: unit.id, name: name), token: token)
                    renamed += 1
                }
            } else {
                _ = try await client.call(AuthUnitsCreate.self, .init(id: unit.id, parentId: unit.parentId, kind: unit.kind,
                                                                      code: unit.code, names: unit.names), token: token)
                created += 1
            }
        }
        print("Đơn vị: \(created) mới, \(renamed) tên mới, \(units.count - created) đã có.")
        return created + renamed
    }

    /// Creates the plan if missing and the tasks it lacks; returns how many changes.
    private static func loadPlan(_ path: String, client: RPCClient, token: String) async throws -> Int {
        let seed = try decode(SeedPlan.self, path)
        let plans = try await client.call(TasksPlanList.self, .init(unitId: seed.plan.issuingUnitId), token: token).plans
        var changes = 0
        let plan: PlanInfo
        if let found = plans.first(where: { $0.number == seed.plan.number && $0.issuingUnitId == seed.plan.issuingUnitId }) {
            plan = found
        } else {
            plan = try await client.call(TasksPlanCreate.self, .init(
                number: seed.plan.number, title: seed.plan.title, issuingUnitId: seed.plan.issuingUnitId, issuedOn: seed.plan.issuedOn,
                implements: seed.plan.implements, period: seed.plan.period, groups: seed.plan.groups), token: token)
            changes += 1
        }
        let existing = try await client.call(TasksList.self, .init(unitId: seed.plan.issuingUnitId, planId: plan.id), token: token).tasks
        var titles = Set(existing.map { "\($0.groupCode)|\($0.title)" })
        var undated = existing.count { $0.deadlineKind == .undetermined }
        var skipped: [String] = []
        var noted: [String] = []
        // Every task is loaded: one whose source states no time is "chưa xác định thời hạn", one whose day
        // precedes the plan's date counts from the plan's date (and is noted here).
        for task in seed.tasks where !titles.contains("\(task.group)|\(task.title)") {
            let line = "dòng \(task.sourceLine.map(String.init) ?? "?")"
            do {
                let created = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: task.group, title: task.title,
                                                                            leadUnitId: task.leadUnitId, output: task.output, timeText: task.time),
                                                    token: token)
                titles.insert("\(task.group)|\(task.title)")
                changes += 1
                if created.deadlineKind == .undetermined { undated += 1 }
                if let note = created.deadlineNote { noted.append("\(line): \(note)") }
            } catch let error as RPCError where error.code == .invalidArgument || error.code == .notFound {
                skipped.append("\(line): \(error.message)")
            }
        }
        let kpis = try await SeedIndicatorLoader(client: client, token: token)
            .load(seed.indicators ?? [], plan: seed.plan, frequency: seed.kpiFrequency ?? .month)
        print("Kế hoạch \(seed.plan.number): \(changes + kpis.changes) thay đổi, \(titles.count) nhiệm vụ "
            + "(\(undated) chưa xác định thời hạn), \(kpis.loaded) chỉ tiêu.")
        for line in noted { print("  lưu ý \(line)") }
        for line in skipped + kpis.skipped { print("  bỏ qua \(line)") }
        return changes + kpis.changes
    }
}
