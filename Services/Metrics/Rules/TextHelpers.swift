extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces).
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return text[first...last]
    }
}

/// A number as people read it in messages: Vietnamese decimal form, up to 6 decimals.
func shown(_ value: Double) -> String {
    VietnameseDecimal.format(value, maxFractionDigits: 6)
}
