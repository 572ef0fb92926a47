import Foundation
import NIOCore
import NQ57API
import NQ57Wire

/// The API calls the demo history makes, as the demo accounts, each one idempotent where
/// the demo may be run again.
struct DemoClient {
    let client: RPCClient
    /// Access tokens by demo username.
    let tokens: [String: String]

    func token(_ username: String) -> String { tokens[username] ?? "" }

    /// Uploads a small PDF that says it is made-up demo data; returns its evidence id.
    func uploadDemoPDF(unitId: String, title: String, as username: String) async throws -> String {
        let body = """
            %PDF-1.4
            % DỮ LIỆU MINH HỌA — không phải tài liệu thật (nq57 --demo)
            % \(title) — \(unitId)
            %%EOF
            """
        let bytes = Array(body.utf8)
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: unitId, fileName: "minh-hoa-\(title.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 } % 1_000_000).pdf",
                                                                          supports: "demo", size: Int64(bytes.count)), token: token(username))
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unitId, offset: 0),
                                  token: token(username), bulk: ByteBuffer(bytes: bytes))
        return try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unitId), token: token(username)).id
    }

    /// Records progress if the task has less.
    func progress(_ task: TaskInfo, to percent: Int, note: String, as username: String) async throws {
        guard task.percent < percent, [.notStarted, .inProgress].contains(task.state) else { return }
        _ = try await client.call(TasksProgress.self, .init(taskId: task.id, unitId: task.leadUnitId, percent: percent,
                                                            note: "[Dữ liệu minh họa] \(note)"), token: token(username))
    }

    /// Claims a task (or one period of it) with a demo PDF, the head submits, and the
    /// reviewer decides; skipped when that claim already exists.
    func complete(_ task: TaskInfo, period: String? = nil, sendBack: String? = nil, staff: String, head: String, reviewer: String)
        async throws {
        if let period {
            let history = try await client.call(TasksHistory.self, TaskRef(taskId: task.id, unitId: task.leadUnitId), token: token(staff))
            guard !history.events.contains(where: { $0.kind == .claim && $0.period == period }) else { return }
        } else {
            guard [.notStarted, .inProgress].contains(task.state) else { return }
        }
        let evidence = try await uploadDemoPDF(unitId: task.leadUnitId, title: "Báo cáo kết quả \(task.title.prefix(40)) \(period ?? "")",
                                               as: staff)
        _ = try await client.call(TasksClaim.self, .init(taskId: task.id, unitId: task.leadUnitId, evidenceIds: [evidence],
                                                         note: "[Dữ liệu minh họa] Báo cáo kết quả thực hiện", period: period),
                                  token: token(staff))
        _ = try await client.call(TasksSubmit.self, .init(taskId: task.id, unitId: task.leadUnitId, period: period), token: token(head))
        _ = try await client.call(TasksReview.self, .init(taskId: task.id, unitId: task.leadUnitId, decision: sendBack == nil ? .accept : .sendBack,
                                                          reason: sendBack, period: period), token: token(reviewer))
    }

    /// Reports a KPI value with a demo PDF, the head submits, and the reviewer decides;
    /// skipped when the unit already reported that period.
    func reportKPI(_ indicator: IndicatorInfo, unitId: String, period: String, value: Double? = nil, numerator: Double? = nil,
                   denominator: Double? = nil, sendBack: String? = nil, staff: String, head: String, reviewer: String) async throws {
        let current = try await client.call(MetricsIndicatorGet.self, .init(indicatorId: indicator.id, unitId: unitId), token: token(staff))
        guard !current.reports.contains(where: { $0.period == period }) else { return }
        let evidence = try await uploadDemoPDF(unitId: unitId, title: "Số liệu \(indicator.code) kỳ \(period)", as: staff)
        _ = try await client.call(MetricsReport.self, .init(indicatorId: indicator.id, unitId: unitId, period: period, value: value,
                                                            numerator: numerator, denominator: denominator,
                                                            note: "[Dữ liệu minh họa]", evidenceIds: [evidence]), token: token(staff))
        _ = try await client.call(MetricsSubmit.self, .init(indicatorId: indicator.id, unitId: unitId, period: period), token: token(head))
        _ = try await client.call(MetricsReview.self, .init(indicatorId: indicator.id, unitId: unitId, period: period,
                                                            decision: sendBack == nil ? .accept : .sendBack, reason: sendBack),
                                  token: token(reviewer))
    }
}
