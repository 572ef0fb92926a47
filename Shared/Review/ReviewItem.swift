import NQ57Calendar

/// What the review workflow knows of one reviewed thing: its state, who wrote it, and when
/// it was submitted and decided. The services store these fields beside their own data.
public struct ReviewItem: Equatable, Sendable {
    /// The state; nil before the first move.
    public var state: ReviewState?
    /// Every account that drafted or submitted the item, in any version, sorted: none of
    /// them may ever decide on it.
    public var authors: [String]
    /// The version: 1 for the first, one more for each correction of an accepted item.
    public var version: Int
    /// The day of the last submission.
    public var submittedOn: Day?
    /// The day of the last decision.
    public var decidedOn: Day?
    /// The account that made the last decision.
    public var decidedBy: String?
    /// Why it was last sent back; cleared when accepted.
    public var reason: String?

    /// Creates an item.
    public init(state: ReviewState? = nil, authors: [String] = [], version: Int = 1, submittedOn: Day? = nil,
                decidedOn: Day? = nil, decidedBy: String? = nil, reason: String? = nil) {
        self.state = state
        self.authors = Array(Set(authors)).sorted()
        self.version = version
        self.submittedOn = submittedOn
        self.decidedOn = decidedOn
        self.decidedBy = decidedBy
        self.reason = reason
    }

    /// Nothing yet.
    public static let new = ReviewItem()

    /// Whether `account` drafted or submitted the item.
    public func isAuthor(_ account: String) -> Bool { authors.contains(account) }

    /// Adds an author, keeping the list sorted and free of repeats.
    mutating func addAuthor(_ account: String) {
        guard !authors.contains(account) else { return }
        authors.append(account)
        authors.sort()
    }
}
