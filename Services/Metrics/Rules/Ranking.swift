/// Rankings of units by an indicator's value.
public enum Ranking {
    /// Competition ranking ("1, 2, 2, 4"), best first.
    ///
    /// `atLeast` and `done`: higher is better; `atMost`: lower is better; `exactly`: closer
    /// to `target` is better (without a target, higher is better). Equal values share a
    /// rank and are listed by unit id. Units without a value (or with NaN/infinity) come
    /// last with rank `nil`, sorted by unit id.
    public static func rank(
        _ values: [(unitId: String, value: Double?)], direction: Direction, target: Double? = nil
    ) -> [RankedValue] {
        var valued: [(unitId: String, value: Double, badness: Double)] = []
        var unvalued: [String] = []
        for entry in values {
            if let value = entry.value, value.isFinite {
                valued.append((entry.unitId, value, badness(value, direction: direction, target: target)))
            } else {
                unvalued.append(entry.unitId)
            }
        }
        valued.sort { ($0.badness, $0.unitId) < ($1.badness, $1.unitId) }
        var ranked: [RankedValue] = []
        for (offset, entry) in valued.enumerated() {
            let tied = offset > 0 && valued[offset - 1].badness == entry.badness
            let rank = tied ? ranked[offset - 1].rank : offset + 1
            ranked.append(RankedValue(unitId: entry.unitId, value: entry.value, rank: rank))
        }
        return ranked + unvalued.sorted().map { RankedValue(unitId: $0, value: nil, rank: nil) }
    }

    /// A sort key where smaller is better.
    private static func badness(_ value: Double, direction: Direction, target: Double?) -> Double {
        switch direction {
        case .atLeast, .done: -value
        case .atMost: value
        case .exactly: target.map { (value - $0).magnitude } ?? -value
        }
    }
}
