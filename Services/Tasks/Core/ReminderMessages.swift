import Foundation
import NQ57API
import TasksRules

/// The words of reminders: one sentence per reminder, and the daily digest that gathers a
/// person's reminders into one mail. Dates as people read them, dd/MM/yyyy.
enum ReminderMessages {
    /// The sentence of a reminder of `item` at `stage`, raised on `today`.
    static func sentence(_ item: DueItem, stage: ReminderStage, today: Day) -> String {
        let due = Day(iso: item.dueOn) ?? today
        let what = item.kind == .kpi ? item.title : "Nhiệm vụ “\(item.title)”"
        let plan = item.planNumber.map { " (Kế hoạch \($0))" } ?? ""
        let left = today.daysUntil(due)
        switch stage {
        case .dueInAWeek:
            return "\(what)\(plan) đến hạn ngày \(due), còn \(left) ngày."
        case .dueTomorrow:
            return "\(what)\(plan) đến hạn ngày \(due) (\(left == 0 ? "hôm nay" : "ngày mai"))."
        case .overdue:
            return "\(what)\(plan) đã quá hạn \(-left) ngày (hạn \(due)); đề nghị đồng chí chỉ đạo hoàn thành ngay."
        case .escalated:
            return "\(what)\(plan) của đơn vị \(item.unitId) đã quá hạn \(-left) ngày (hạn \(due)); đề nghị Ban Chỉ đạo đôn đốc."
        }
    }

    /// Most reminders listed in one digest; the rest are counted.
    static let digestLimit = 100

    /// The digest of `reminders` (one person's, oldest first) for `day`: subject and body.
    static func digest(to name: String, reminders: [ReminderRecord], day: Day) -> (subject: String, body: String) {
        let overdue = reminders.count { $0.stage == .overdue || $0.stage == .escalated }
        let soon = reminders.count - overdue
        var counts: [String] = []
        if overdue > 0 { counts.append("\(overdue) việc quá hạn") }
        if soon > 0 { counts.append("\(soon) việc sắp đến hạn") }
        let subject = "[nq57] Nhắc việc ngày \(day): \(counts.joined(separator: ", "))"
        var lines = [
            "Kính gửi đồng chí \(name),",
            "",
            "Hệ thống theo dõi thực hiện Nghị quyết 57-NQ/TW nhắc đồng chí các việc sau (tính đến ngày \(day)):",
        ]
        let shown = reminders.prefix(digestLimit)
        for stage in [ReminderStage.escalated, .overdue, .dueTomorrow, .dueInAWeek] {
            let ofStage = shown.filter { $0.stage == stage }
            guard !ofStage.isEmpty else { continue }
            lines.append("")
            lines.append("\(stage.displayName):")
            lines += ofStage.map { "  - \($0.message)" }
        }
        if reminders.count > shown.count {
            lines.append("")
            lines.append("… và \(reminders.count - shown.count) việc khác, xem trong mục Thông báo.")
        }
        lines += [
            "",
            "Xem chi tiết và đánh dấu đã đọc trong mục Thông báo của trang điều hành nq57.",
            "Không muốn nhận thư nhắc việc: tắt trong mục Thông báo, hoặc chạy lệnh `nq57 mail --off`.",
            "",
            "Thư gửi tự động, vui lòng không trả lời.",
        ]
        return (subject, lines.joined(separator: "\n"))
    }
}
