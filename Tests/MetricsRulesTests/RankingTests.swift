import Testing
@testable import MetricsRules

/// The ranking as "id:rank" pairs, "-" for no rank.
private func summary(_ ranked: [RankedValue]) -> [String] {
    ranked.map { "\($0.unitId):\($0.rank.map(String.init) ?? "-")" }
}

@Suite("Ranking units")
struct RankingTests {
    @Test func higherIsBetterWithCompetitionTies() {
        let ranked = Ranking.rank([("e", 50), ("d", 70), ("c", nil), ("b", 70), ("a", 40), ("f", 80)], direction: .atLeast)
        #expect(summary(ranked) == ["f:1", "b:2", "d:2", "e:4", "a:5", "c:-"])
        #expect(ranked[1].value == 70)
        #expect(ranked.last?.value == nil)
    }

    @Test func lowerIsBetterForAtMost() {
        let ranked = Ranking.rank([("a", 3), ("b", 1), ("c", 3), ("d", nil), ("z", nil)], direction: .atMost)
        #expect(summary(ranked) == ["b:1", "a:2", "c:2", "d:-", "z:-"])
    }

    @Test func closerIsBetterForExactly() {
        let ranked = Ranking.rank([("a", 60), ("b", 80), ("c", 71), ("d", 100)], direction: .exactly, target: 70)
        #expect(summary(ranked) == ["c:1", "a:2", "b:2", "d:4"])
    }

    @Test func doneRanksDoneFirst() {
        let ranked = Ranking.rank([("a", 0), ("b", 1), ("c", .nan)], direction: .done)
        #expect(summary(ranked) == ["b:1", "a:2", "c:-"])
    }

    @Test func nobodyWithAValue() {
        #expect(summary(Ranking.rank([("b", nil), ("a", nil)], direction: .atLeast)) == ["a:-", "b:-"])
        #expect(Ranking.rank([], direction: .atLeast).isEmpty)
    }
}
