/// Who makes a move, as far as a review needs to know: the account, the roles it holds over
/// the item's unit (at it or above it), and whether it holds any role at the item's unit itself.
public struct ReviewActor: Equatable, Sendable {
    /// The account id; authorship is kept by account, never by login name.
    public var account: String
    /// The roles the account holds at the item's unit or at a unit above it.
    public var roles: Set<ReviewRole>
    /// Whether the account holds any role at exactly the item's unit (its own unit).
    public var isOfItemUnit: Bool

    /// Creates an actor.
    public init(account: String, roles: Set<ReviewRole>, isOfItemUnit: Bool) {
        self.account = account
        self.roles = roles
        self.isOfItemUnit = isOfItemUnit
    }
}
