import Foundation
import MetricsRules
import NQ57API
import NQ57Wire
import Testing

/// The API carries the metrics rules' own enums; on the wire they are the same strings as
/// before, and a string that is none of them is refused naming the field and the choices.
@Suite("One vocabulary on the wire")
struct VocabularyTests {
    @Test("an indicator and a report are written with the same strings as when they were plain text")
    func sameStrings() throws {
        let params = try RawJSON(#"""
            {"ownerUnitId":"vn-75","code":"X-1","name":"Chỉ tiêu","group":"Chuyển đổi số","measure":"percent","direction":"atLeast",
             "rollUp":"weightedRatio","reportedBy":"children","kind":"operational","frequency":"halfYear","baselineOn":"2026-01-01"}
            """#).decode(MetricsIndicatorCreate.Params.self)
        #expect(params.measure == .percent && params.rollUp == .weightedRatio && params.reportedBy == .children)
        #expect(params.kind == .operational && params.frequency == .halfYear)
        let report = ReportInfo(indicatorId: "k", unitId: "u", period: "2026-Q1", state: .needsRework, value: 1, numerator: nil,
                                denominator: nil, note: nil, evidenceIds: [], version: 1, acceptedValue: nil, acceptedOn: nil, reason: "x")
        #expect(try RawJSON.encode(report).description.contains(#""state":"needsRework""#))
        let flag = KPIFlagInfo(rule: .notReported, level: .yellow, ruleText: "", detail: "", indicatorId: "k", indicatorName: "n",
                               unitId: "u", period: nil)
        let text = try RawJSON.encode(flag).description
        #expect(text.contains(#""rule":"notReported""#) && text.contains(#""level":"yellow""#))
    }

    @Test("a measure that is none of the choices is invalid_argument naming the field and, in Vietnamese, what it may be")
    func unknownChoice() throws {
        let raw = try RawJSON(#"""
            {"ownerUnitId":"vn-75","code":"X-1","name":"Chỉ tiêu","group":"Chuyển đổi số","measure":"nhiều","direction":"atLeast",
             "rollUp":"sum","frequency":"month","baselineOn":"2026-01-01"}
            """#)
        let error = #expect(throws: RPCError.self) { _ = try raw.decode(MetricsIndicatorCreate.Params.self) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.details?["field"] == "measure")
        #expect(error?.message.contains("\"nhiều\" (chọn một trong: percent, count, index, money, done)") == true)
    }

    @Test("each flag rule has its level and its words from the plans")
    func flagRules() {
        #expect(KPIFlagRule.allCases.filter { $0.level == .red } == [.behindRoadmap, .overdue, .sentBack])
        #expect(KPIFlagRule.notReported.level == .yellow)
        #expect(KPIFlagRule.behindRoadmap.displayName == "Tỷ lệ hoàn thành thấp hơn 50% so với lộ trình thời gian")
    }
}
