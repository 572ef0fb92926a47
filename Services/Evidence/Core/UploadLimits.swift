/// How many uploads may be open at once. Each open upload holds a file open, so without a
/// cap one account could exhaust the service's file descriptors (issue 12 item 3).
public struct UploadLimits: Sendable, Equatable {
    /// Open uploads one account may have at once.
    public var perAccount: Int
    /// Open uploads the whole service may have at once.
    public var perService: Int

    /// The defaults: 20 per account, 1,000 for the service.
    public init(perAccount: Int = 20, perService: Int = 1000) {
        self.perAccount = perAccount
        self.perService = perService
    }

    /// The limits set in `environment`: `NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT` (default 20)
    /// and `NQ57_EVIDENCE_MAX_UPLOADS` (default 1000); a value that is not a positive whole
    /// number keeps the default.
    public init(environment: [String: String]) {
        self.init()
        if let value = environment["NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT"].flatMap(Int.init), value > 0 { perAccount = value }
        if let value = environment["NQ57_EVIDENCE_MAX_UPLOADS"].flatMap(Int.init), value > 0 { perService = value }
    }
}
