import Foundation
import NQ57API
import NQ57Wire

/// The demo's second programme: a made-up plan of xã Bình Tân for Resolution 71-NQ/TW (education),
/// said to be made-up in its number and title, with two tasks of its own and one task of the 57 plan
/// (career guidance for pupils) linked into it, so the console shows one task in two plans and two
/// programmes, reported once. Each step checks what exists first.
struct DemoSecondProgramme {
    let api: DemoClient

    static let planNumber = "05-KH/ĐU (minh họa)"
    static let unit = "vn-75-25246"
    static let reviewer = "minhhoa.vp.binhtan"
    /// The beginning of the 57 plan's task linked into the 71 plan.
    static let linkedTitle = "Xây dựng các Chương trình định hướng nghề nghiệp"
    static let tasks: [(title: String, time: String)] = [
        ("[Dữ liệu minh họa] Rà soát, bổ sung thiết bị dạy học số cho các trường tiểu học, trung học cơ sở trên địa bàn xã",
         "Hoàn thành trong tháng 8 năm 2026"),
        ("[Dữ liệu minh họa] Tổ chức bồi dưỡng kỹ năng số cho giáo viên các trường trên địa bàn xã",
         "Hoàn thành trong tháng 12 năm 2026"),
    ]

    /// Creates the plan, its tasks and the link where missing.
    func ensure() async throws {
        let client = api.client, token = api.token(Self.reviewer)
        let plans = try await client.call(TasksPlanList.self, .init(unitId: Self.unit, programme: "nq71"), token: token).plans
        var plan = plans.first { $0.number == Self.planNumber }
        if plan == nil {
            plan = try await client.call(TasksPlanCreate.self, .init(
                number: Self.planNumber,
                title: "Kế hoạch minh họa thực hiện Nghị quyết số 71-NQ/TW của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo "
                    + "(dữ liệu minh họa, không phải văn bản thật)",
                issuingUnitId: Self.unit, issuedOn: "2025-11-20", implements: ["Nghị quyết số 71-NQ/TW của Bộ Chính trị"],
                groups: [TaskGroupInfo(code: "I", title: "Chuyển đổi số trong giáo dục và đào tạo")], programme: "nq71"), token: token)
        }
        guard let plan else { return }
        let existing = Set(try await client.call(TasksList.self, .init(unitId: Self.unit, planId: plan.id), token: token).tasks.map(\.title))
        for task in Self.tasks where !existing.contains(task.title) {
            _ = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "I", title: task.title,
                                                              leadUnitId: "\(Self.unit)-vhxh", timeText: task.time), token: token)
        }
        let all = try await client.call(TasksList.self, .init(unitId: Self.unit), token: token).tasks
        if let shared = all.first(where: { $0.title.hasPrefix(Self.linkedTitle) }), !shared.linkedPlanIds.contains(plan.id) {
            _ = try await client.call(TasksPlanLink.self, .init(planId: plan.id, taskId: shared.id, unitId: Self.unit), token: token)
        }
    }
}
