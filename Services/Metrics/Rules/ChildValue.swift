/// One child unit's contribution to a roll-up.
public struct ChildValue: Sendable, Hashable {
    /// The child unit's id.
    public var unitId: String
    /// What it reported, or `nil` if it did not.
    public var number: ReportedNumber?

    /// A child's contribution.
    public init(unitId: String, number: ReportedNumber?) {
        self.unitId = unitId
        self.number = number
    }
}
