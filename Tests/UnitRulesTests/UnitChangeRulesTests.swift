import Testing
import UnitRules

/// Renames, merges and splits checked against the tree before anything is written.
@Suite struct UnitChangeRulesTests {
    /// Đồng Nai with four communes, all from 01/07/2025; xã C was merged into xã D on 01/03/2026.
    static let timeline = UnitTimeline(spans: [
        UnitSpan(id: "p", kind: "province", parentId: "vn", from: "2025-07-01"),
        UnitSpan(id: "a", kind: "commune", parentId: "p", from: "2025-07-01"),
        UnitSpan(id: "b", kind: "commune", parentId: "p", from: "2025-07-01"),
        UnitSpan(id: "c", kind: "commune", parentId: "p", from: "2025-07-01", until: "2026-03-01"),
        UnitSpan(id: "d", kind: "commune", parentId: "p", from: "2025-07-01"),
        UnitSpan(id: "n", kind: "commune", parentId: "p", from: "2026-06-01"),
    ], links: [UnitLink(predecessor: "c", successor: "d", kind: .merge, effective: "2026-03-01")])

    func refusal(_ body: () throws(UnitChangeError) -> Void) -> UnitChangeError? {
        do { try body() } catch { return error }
        return nil
    }

    @Test("A merge of live units into a live unit of the same level passes")
    func mergeAccepted() throws {
        try UnitChangeRules.merge(["a", "b"], into: "d", on: "2026-07-01", timeline: Self.timeline)
        try UnitChangeRules.split("a", into: ["b", "d"], on: "2026-07-01", timeline: Self.timeline)
    }

    @Test("Bad merges are refused, each naming its field")
    func mergeRefused() {
        let t = Self.timeline
        let cases: [(String, UnitChangeError.Kind, String, () throws(UnitChangeError) -> Void)] = [
            ("into itself", .invalid, "into", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a", "d"], into: "d", on: "2026-07-01", timeline: t) }),
            ("nothing to merge", .invalid, "unitIds", { () throws(UnitChangeError) in try UnitChangeRules.merge([], into: "d", on: "2026-07-01", timeline: t) }),
            ("twice", .invalid, "unitIds", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a", "a"], into: "d", on: "2026-07-01", timeline: t) }),
            ("unknown source", .unknownUnit, "unitIds", { () throws(UnitChangeError) in try UnitChangeRules.merge(["zz"], into: "d", on: "2026-07-01", timeline: t) }),
            ("unknown target", .unknownUnit, "into", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a"], into: "zz", on: "2026-07-01", timeline: t) }),
            ("before creation", .invalid, "effectiveOn", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a"], into: "d", on: "2025-06-30", timeline: t) }),
            ("on the day of creation", .invalid, "effectiveOn", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a"], into: "d", on: "2025-07-01", timeline: t) }),
            ("already ended", .conflict, "unitIds", { () throws(UnitChangeError) in try UnitChangeRules.merge(["c"], into: "d", on: "2026-07-01", timeline: t) }),
            ("into a unit not yet created", .conflict, "into", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a"], into: "n", on: "2026-05-01", timeline: t) }),
            ("into an ended unit", .conflict, "into", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a"], into: "c", on: "2026-07-01", timeline: t) }),
            ("across levels", .invalid, "unitIds", { () throws(UnitChangeError) in try UnitChangeRules.merge(["a"], into: "p", on: "2026-07-01", timeline: t) }),
            ("a cycle, back-dated", .conflict, "into", { () throws(UnitChangeError) in try UnitChangeRules.merge(["d"], into: "c", on: "2026-01-01", timeline: t) }),
        ]
        for (label, kind, field, body) in cases {
            let error = refusal(body)
            #expect(error?.kind == kind, "\(label)")
            #expect(error?.field == field, "\(label)")
            #expect(error?.message.isEmpty == false, "\(label)")
        }
    }

    @Test("Bad splits are refused")
    func splitRefused() {
        let t = Self.timeline
        #expect(refusal { () throws(UnitChangeError) in try UnitChangeRules.split("a", into: ["b"], on: "2026-07-01", timeline: t) }?.field == "into")
        #expect(refusal { () throws(UnitChangeError) in try UnitChangeRules.split("a", into: ["a", "b"], on: "2026-07-01", timeline: t) }?.field == "into")
        #expect(refusal { () throws(UnitChangeError) in try UnitChangeRules.split("a", into: ["b", "b"], on: "2026-07-01", timeline: t) }?.field == "into")
        #expect(refusal { () throws(UnitChangeError) in try UnitChangeRules.split("c", into: ["a", "b"], on: "2026-07-01", timeline: t) }?.kind == .conflict)
        #expect(refusal { () throws(UnitChangeError) in try UnitChangeRules.split("d", into: ["a", "c"], on: "2026-01-01", timeline: t) }?.kind == .conflict,
                "c is d's predecessor: d cannot split into it")
        #expect(refusal { () throws(UnitChangeError) in try UnitChangeRules.split("zz", into: ["a", "b"], on: "2026-07-01", timeline: t) }?.kind == .unknownUnit)
    }

    @Test("A rename must be a new name, on a day the unit exists")
    func renameRules() throws {
        let t = Self.timeline
        let names = [(name: "Xã Phú Hòa", validFrom: "2025-07-01")]
        try UnitChangeRules.rename("a", to: "Phường Phú Hòa", on: "2026-04-30", names: names, timeline: t)
        #expect(refusal { () throws(UnitChangeError) in
            try UnitChangeRules.rename("a", to: "Xã Phú Hoà", on: "2026-04-30", names: names, timeline: t)
        }?.field == "name", "Hòa/Hoà: one name, no rename")
        #expect(refusal { () throws(UnitChangeError) in
            try UnitChangeRules.rename("a", to: "Phường Phú Hòa", on: "2025-01-01", names: names, timeline: t)
        }?.field == "validFrom", "before the unit existed")
        #expect(refusal { () throws(UnitChangeError) in
            try UnitChangeRules.rename("c", to: "Phường C", on: "2026-05-01", names: names, timeline: t)
        }?.kind == .conflict, "after it ended")
        #expect(refusal { () throws(UnitChangeError) in
            try UnitChangeRules.rename("zz", to: "Phường C", on: "2026-05-01", names: names, timeline: t)
        }?.kind == .unknownUnit)
    }

    @Test("A reason is required")
    func reason() throws {
        #expect(try UnitChangeRules.reason("  Nghị quyết 237/NQ-UBTVQH16 ") == "Nghị quyết 237/NQ-UBTVQH16")
        #expect(throws: UnitChangeError.self) { try UnitChangeRules.reason(nil) }
        #expect(throws: UnitChangeError.self) { try UnitChangeRules.reason(" a ") }
    }
}
