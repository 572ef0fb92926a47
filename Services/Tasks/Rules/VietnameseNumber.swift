/// Percentages written the Vietnamese way, with a decimal comma: "60,0", "66,7".
enum VietnameseNumber {
    /// `numerator / denominator × 100` in tenths of a percent, rounded half up
    /// (both non-negative, `denominator` > 0); exact integer arithmetic, no floating point.
    static func tenthsOfPercent(_ numerator: Int, of denominator: Int) -> Int {
        (numerator * 2_000 + denominator) / (denominator * 2)
    }

    /// `tenths` tenths written with a decimal comma: 600 → "60,0"; with `trimZero`,
    /// a whole number drops its decimals: 600 → "60", 333 → "33,3".
    static func format(tenths: Int, trimZero: Bool = false) -> String {
        let whole = tenths / 10
        let fraction = tenths % 10
        if trimZero && fraction == 0 { return String(whole) }
        return "\(whole),\(fraction)"
    }
}
