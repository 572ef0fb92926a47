import Foundation
import MetricsCore
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// A KPI report's note and a send-back's reason over 4,000 characters are refused plainly and
/// nothing is stored (issue 16 item 6: a 21,000-character note used to be stored as is).
@Suite struct LongNoteTests {
    @Test("A 21,000-character note: invalid_argument on note with the limit; no report, no history")
    func noteRefused() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.ratioIndicator()
        let long = String(String(repeating: "Số liệu tổng hợp từ các thôn. ", count: 700).dropLast()) + "."
        #expect(long.count == 21_000)
        let error = await rpcError {
            _ = try await fixture.workflow.report(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-02", numerator: 5,
                                                        denominator: 10, note: long, evidenceIds: ["ev-vn-75-c1-1"]),
                                                  caller: MetricsFixture.staff("vn-75-c1"))
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?["field"] == "note" && error?.details?["limit"] == "4000" && error?.details?["length"] == "21000")
        #expect(error?.message == "Ghi chú dài 21.000 ký tự, vượt giới hạn 4.000 ký tự; hãy rút gọn, hoặc đính kèm nội dung dài "
            + "dưới dạng tệp minh chứng. Chưa có gì được lưu.")
        #expect(try await fixture.workflow.history(.init(indicatorId: indicator.id, unitId: "vn-75-c1")).isEmpty)

        _ = try await fixture.workflow.report(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-02", numerator: 5,
                                                    denominator: 10, note: String(long.prefix(3999)) + ".", evidenceIds: ["ev-vn-75-c1-1"]),
                                              caller: MetricsFixture.staff("vn-75-c1"))
        _ = try await fixture.workflow.submit(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-02"), caller: MetricsFixture.head("vn-75-c1"))
        let reason = await rpcError {
            _ = try await fixture.workflow.review(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-02", decision: .sendBack,
                                                        reason: long), caller: MetricsFixture.reviewer)
        }
        #expect(reason?.code == .invalidArgument && reason?.details?["field"] == "reason")
        #expect(reason?.message.hasPrefix("Lý do trả lại dài 21.000 ký tự") == true)
        let events = try await fixture.workflow.history(.init(indicatorId: indicator.id, unitId: "vn-75-c1"))
        #expect(events.map(\.kind) == [.report, .submit], "the refused send-back left nothing")
        #expect(events.first?.note?.count == 4000)
    }
}
