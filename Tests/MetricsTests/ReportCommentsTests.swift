import Foundation
import MetricsCore
import MetricsRules
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 16 item 5, KPIs: comments on a unit's report for a period, kept with it.
@Suite struct ReportCommentsTests {
    @Test("the reviewer asks about c1's quarter, c1's head answers; listed by period, oldest first; a bad period is refused")
    func conversation() async throws {
        let fixture = try await MetricsFixture(today: "2026-04-02")
        let indicator = try await fixture.countIndicator()
        let comments = ReportComments(fixture.context)
        _ = try await comments.add(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", text: "Số liệu lấy từ nguồn nào?"),
                                   caller: MetricsFixture.reviewer)
        _ = try await comments.add(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", text: "Từ sổ đăng ký kinh doanh."),
                                   caller: MetricsFixture.head("vn-75-c1"))
        _ = try await comments.add(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q2", text: "Quý sau gửi sớm."),
                                   caller: MetricsFixture.reviewer)
        let q1 = try await comments.list(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1")).comments
        #expect(q1.map(\.role) == [.reviewer, .head] && q1.map(\.period) == ["2026-Q1", "2026-Q1"])
        #expect(try await comments.list(.init(indicatorId: indicator.id, unitId: "vn-75-c1")).comments.count == 3)
        let error = await rpcError {
            _ = try await comments.add(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-04", text: "Hỏi"), caller: MetricsFixture.reviewer)
        }
        #expect(error?.code == .invalidArgument && field(of: error!) == "period")
        let long = await rpcError {
            _ = try await comments.add(.init(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", text: String(repeating: "a", count: 4_001)),
                                       caller: MetricsFixture.reviewer)
        }
        #expect(long?.code == .invalidArgument && field(of: long!) == "text")
    }
}
