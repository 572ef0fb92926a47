/// Upper bounds on distinct label values, so a misbehaving caller cannot grow the series count without limit.
enum CardinalityLimits {
    /// Distinct `method` label values per ``MethodMetrics``; later new methods are recorded as `method="other"`.
    static let methods = 512
    /// Distinct `code` label values per ``MethodMetrics``; later new codes are recorded as `code="other"`.
    static let codes = 64
}
