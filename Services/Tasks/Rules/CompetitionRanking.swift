/// Ranks as sports do: equal scores share a rank and the next rank skips (1, 2, 2, 4).
public enum CompetitionRanking {
    /// The rank of each key, higher keys better; a `nil` key (nothing to rank) gets 0 and does not
    /// take a place. `result[i]` belongs to `keys[i]`; the keys may come in any order.
    public static func ranks(_ keys: [Int?]) -> [Int] {
        let ranked = keys.compactMap { $0 }
        return keys.map { key in
            guard let key else { return 0 }
            return 1 + ranked.count { $0 > key }
        }
    }
}
