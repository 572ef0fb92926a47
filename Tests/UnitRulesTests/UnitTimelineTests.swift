import Testing
import UnitRules

/// Which units exist on a day, who carries on an ended unit, and who must never be ranked beside whom.
@Suite struct UnitTimelineTests {
    /// x and y merged into z on 01/03/2026 (z absorbs them); z merged into w on 01/09/2026; s split into t and u on 01/05/2026.
    static let timeline = UnitTimeline(spans: [
        UnitSpan(id: "x", kind: "commune", parentId: "p", from: "2025-07-01", until: "2026-03-01"),
        UnitSpan(id: "y", kind: "commune", parentId: "p", from: "2025-07-01", until: "2026-03-01"),
        UnitSpan(id: "z", kind: "commune", parentId: "p", from: "2025-07-01", until: "2026-09-01"),
        UnitSpan(id: "w", kind: "commune", parentId: "p", from: "2026-09-01"),
        UnitSpan(id: "s", kind: "commune", parentId: "p", from: "2025-07-01", until: "2026-05-01"),
        UnitSpan(id: "t", kind: "commune", parentId: "p", from: "2026-05-01"),
        UnitSpan(id: "u", kind: "commune", parentId: "p", from: "2026-05-01"),
    ], links: [
        UnitLink(predecessor: "x", successor: "z", kind: .merge, effective: "2026-03-01"),
        UnitLink(predecessor: "y", successor: "z", kind: .merge, effective: "2026-03-01"),
        UnitLink(predecessor: "z", successor: "w", kind: .merge, effective: "2026-09-01"),
        UnitLink(predecessor: "s", successor: "t", kind: .split, effective: "2026-05-01"),
        UnitLink(predecessor: "s", successor: "u", kind: .split, effective: "2026-05-01"),
    ])

    @Test("A unit exists from its first day to the day before its end; an unknown unit always")
    func existence() {
        let t = Self.timeline
        #expect(t.exists("x", on: "2026-02-28"))
        #expect(!t.exists("x", on: "2026-03-01"))
        #expect(!t.exists("w", on: "2026-08-31"))
        #expect(t.exists("w", on: "2026-09-01"))
        #expect(t.exists("unknown", on: "2000-01-01"))
    }

    @Test("An ended unit's work goes to the unit it was merged into, through every later merge; a split unit's to none")
    func heirs() {
        let t = Self.timeline
        #expect(t.heir(of: "x", on: "2026-02-01") == "x")
        #expect(t.heir(of: "x", on: "2026-04-01") == "z")
        #expect(t.heir(of: "x", on: "2026-12-01") == "w")
        #expect(t.heir(of: "s", on: "2026-12-01") == nil)
        #expect(t.heir(of: "w", on: "2026-01-01") == nil, "w did not exist yet")
        #expect(t.mergedInto("z").sorted() == ["x", "y"])
        #expect(t.mergedInto("t").isEmpty, "a split's past is not divided among its successors")
    }

    @Test("Predecessors are found through chains, and never left beside their successors in a ranking")
    func predecessors() {
        let t = Self.timeline
        #expect(t.isPredecessor("x", of: "w"))
        #expect(!t.isPredecessor("w", of: "x"))
        #expect(t.isPredecessor("s", of: "u"))
        #expect(!t.isPredecessor("t", of: "u"))
        #expect(t.withoutPredecessors(["x", "y", "z", "w", "t"]) == ["w", "t"])
        #expect(t.withoutPredecessors(["t", "u"]) == ["t", "u"], "siblings of a split are compared")
    }
}
