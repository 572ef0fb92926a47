import NQ57Runtime

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

    /// The limits in `settings`: `NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT` (default 20) and
    /// `NQ57_EVIDENCE_MAX_UPLOADS` (default 1000), refused at start unless positive whole numbers.
    public init(settings: NQ57Settings.Evidence) {
        self.init(perAccount: settings.maxUploadsPerAccount, perService: settings.maxUploads)
    }
}
