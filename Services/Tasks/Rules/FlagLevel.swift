/// How serious a flag is: a red flag (cảnh báo đỏ) or a yellow warning (cảnh báo vàng).
public enum FlagLevel: String, Codable, Sendable, CaseIterable {
    /// Cảnh báo đỏ.
    case red
    /// Cảnh báo vàng.
    case yellow
}
