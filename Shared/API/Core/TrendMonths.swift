import NQ57Calendar
import NQ57Wire

/// The months of an overview's trend charts (`tasks.overview`'s `trend`, `metrics.trend`): how
/// many were asked for, which they are, and their shares, the same way in every service.
public enum TrendMonths {
    /// The months asked for (12 when not given); outside 1…36 is `invalid_argument` naming `months`.
    public static func count(_ months: Int?) throws -> Int {
        let months = months ?? 12
        guard (1...36).contains(months) else {
            throw RPCError(.invalidArgument, "Số tháng của biểu đồ xu hướng phải từ 1 đến 36, không phải \(months).", details: ["field": "months"])
        }
        return months
    }

    /// The `count` months up to and including `day`'s, oldest first.
    public static func ending(at day: Day, count: Int) -> [PeriodKey] {
        var key = PeriodKey.containing(day, period: .month)
        var keys: [PeriodKey] = []
        for _ in 0..<count {
            keys.append(key)
            key = key.previous
        }
        return keys.reversed()
    }

    /// `part / whole × 100` to tenths, nil when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(Int((Double(part) * 1000 / Double(whole)).rounded())) / 10 : nil
    }
}
