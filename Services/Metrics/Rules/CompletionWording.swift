import NQ57Calendar

/// The Vietnamese sentences that explain a completion status.
struct CompletionWording {
    /// The roadmap, if any.
    let roadmap: Roadmap?
    /// Which way is good.
    let direction: Direction
    /// The day of evaluation.
    let asOf: Day

    /// Nothing reported.
    func notReported(expected: Double?) -> String {
        let lead = "Chưa báo cáo số liệu cho kỳ cần báo cáo"
        guard let roadmap else { return "\(lead); chỉ tiêu chưa được xác định." }
        guard let expected else { return "\(lead) (\(goal(roadmap)))." }
        return "\(lead); theo lộ trình, ngày \(asOf) cần đạt \(shown(expected)) (\(goal(roadmap)))."
    }

    /// A value with no target to compare it with.
    func noTarget(_ value: Double) -> String {
        "Giá trị báo cáo \(shown(value)) chưa được đánh giá vì chưa có chỉ tiêu để so sánh."
    }

    /// A done/not-done indicator with status `status`.
    func done(_ status: CompletionStatus) -> String {
        let due = roadmap?.due.description ?? ""
        return switch status {
        case .met: "Đạt: đã hoàn thành (hạn \(due))."
        case .red: "Cảnh báo đỏ: đã quá hạn \(due) mà chưa hoàn thành."
        default: "Đúng lộ trình: chưa hoàn thành nhưng còn trong hạn \(due)."
        }
    }

    /// A value on the straight line with status `status`.
    func line(_ status: CompletionStatus, value: Double, expected: Double, ratio: Double?) -> String {
        guard let roadmap else { return noTarget(value) }
        let mark = "chỉ tiêu \(targetText(roadmap))"
        let where_ = "mức lộ trình \(shown(expected)) của ngày \(asOf)"
        let progress = ratio.map { "tiến độ đạt \(shown($0 * 100))% so với lộ trình thời gian" }
        switch status {
        case .met:
            return "Đạt: giá trị \(shown(value)) đã đạt \(mark) (hạn \(roadmap.due))."
        case .red where asOf > roadmap.due:
            return "Cảnh báo đỏ: đã quá hạn \(roadmap.due) mà giá trị \(shown(value)) chưa đạt \(mark)."
        case .onTrack:
            return "Đúng lộ trình: giá trị \(shown(value)) theo kịp \(where_) (\(goal(roadmap)))."
        case .red:
            return "Cảnh báo đỏ: giá trị \(shown(value)) chậm so với \(where_); "
                + "\(progress ?? "tiến độ"), thấp hơn 50% so với lộ trình thời gian (\(goal(roadmap)))."
        default:
            let detail = progress.map { "; \($0), không thấp hơn 50%" } ?? ""
            return "Có nguy cơ: giá trị \(shown(value)) chậm so với \(where_)\(detail) (\(goal(roadmap)))."
        }
    }

    /// "chỉ tiêu ≥ 70, hạn 31/12/2030".
    private func goal(_ roadmap: Roadmap) -> String {
        "chỉ tiêu \(targetText(roadmap)), hạn \(roadmap.due)"
    }

    /// The target with its direction: "≥ 70", "≤ 5", "đúng bằng 80", "hoàn thành".
    private func targetText(_ roadmap: Roadmap) -> String {
        switch direction {
        case .atLeast: "≥ \(shown(roadmap.target))"
        case .atMost: "≤ \(shown(roadmap.target))"
        case .exactly: "đúng bằng \(shown(roadmap.target))"
        case .done: "hoàn thành"
        }
    }
}
