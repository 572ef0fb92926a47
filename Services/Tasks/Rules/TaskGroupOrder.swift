/// The order of a plan's task groups: I, II, … XII as the plans number them, then any other
/// code alphabetically.
public enum TaskGroupOrder {
    private static let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    /// Whether group `a` comes before group `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        switch (roman.firstIndex(of: a), roman.firstIndex(of: b)) {
        case let (x?, y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }
}
