import Foundation
import MetricsCore
import NQ57API
import NQ57TestSupport
import Testing

/// The actions returned with each KPI report are the review moves the server would accept from
/// that caller today, so the console shows exactly those buttons.
@Suite struct ReportActionsTests {
    static let headAndReviewer = KPISeparationOfDutiesTests.headAndReviewer
    static let reviewerAbove = KPISeparationOfDutiesTests.secondReviewer

    func report(_ fixture: MetricsFixture, _ indicator: IndicatorInfo, for caller: Caller) async throws -> ReportInfo {
        let got = try await fixture.indicators.getIndicator(IndicatorRef(indicatorId: indicator.id, unitId: "vn-75-c1"), caller: caller)
        return try #require(got.reports.first { $0.period == "2026-Q1" })
    }

    @Test("a submitted value: its author, also a reviewer, may neither accept nor send back; the reviewer above may do both")
    func decisionsOnlyForOthers() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        _ = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1", value: 3,
                                                                   evidenceIds: ["ev-vn-75-c1-1"]), caller: Self.headAndReviewer)
        let submitted = try await fixture.workflow.submit(ReportRef(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1"),
                                                          caller: Self.headAndReviewer)
        #expect(submitted.state == .submitted && submitted.stateLabel == "Chờ thẩm định")
        #expect(submitted.actions.isEmpty, "the author gets no button on its own submitted value")
        #expect(try await report(fixture, indicator, for: Self.headAndReviewer).actions.isEmpty)
        #expect(try await report(fixture, indicator, for: Self.reviewerAbove).actions == [.accept, .sendBack])
        #expect(try await report(fixture, indicator, for: MetricsFixture.staff("vn-75-c1")).actions.isEmpty)
    }

    @Test("a draft: staff may edit it but not submit it; the head may do both")
    func draftByRole() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        let drafted = try await fixture.workflow.report(MetricsReport.Params(indicatorId: indicator.id, unitId: "vn-75-c1", period: "2026-Q1",
                                                                             value: 3, evidenceIds: ["ev-vn-75-c1-1"]),
                                                        caller: MetricsFixture.staff("vn-75-c1"))
        #expect(drafted.actions == [.draft])
        #expect(try await report(fixture, indicator, for: MetricsFixture.staff("vn-75-c1")).actions == [.draft])
        #expect(try await report(fixture, indicator, for: MetricsFixture.head("vn-75-c1")).actions == [.draft, .submit])
        #expect(try await report(fixture, indicator, for: MetricsFixture.reviewer).actions.isEmpty, "nothing to decide on a draft")
    }

    @Test("a period not reported yet: staff and the head may draft it, a reviewer or an anonymous caller may not")
    func newReport() async throws {
        let fixture = try await MetricsFixture()
        let indicator = try await fixture.countIndicator()
        func actions(_ caller: Caller) async throws -> [ItemAction] {
            try await fixture.indicators.getIndicator(IndicatorRef(indicatorId: indicator.id, unitId: "vn-75-c1"), caller: caller).newReportActions
        }
        #expect(try await actions(MetricsFixture.staff("vn-75-c1")) == [.draft])
        #expect(try await actions(MetricsFixture.head("vn-75-c1")) == [.draft])
        #expect(try await actions(MetricsFixture.reviewer).isEmpty)
        #expect(try await actions(.anonymous).isEmpty)
    }
}
