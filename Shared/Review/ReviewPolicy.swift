/// Who may make each move on one kind of reviewed thing.
public struct ReviewPolicy: Equatable, Sendable {
    /// Roles that may draft or edit the item.
    public var draft: Set<ReviewRole>
    /// Roles that may submit it for review.
    public var submit: Set<ReviewRole>
    /// Roles that may accept it or send it back.
    public var decide: Set<ReviewRole>
    /// Roles that may withdraw an accepted item; empty when it cannot be withdrawn.
    public var withdraw: Set<ReviewRole>
    /// Whether the item must be drafted before it is submitted (a claim, a value), or is
    /// submitted in one step (a request to publish).
    public var needsDraft: Bool
    /// Whether an accepted item may be drafted again as a new version (a corrected value).
    public var allowsCorrection: Bool
    /// Whether someone holding a role at the item's own unit may decide on it. Never for
    /// claims and values (a reviewer never reviews their own unit); the unit's head decides
    /// on publishing its own files.
    public var deciderMayBeOfItsUnit: Bool
    /// What the item is called in messages, e.g. "đề nghị hoàn thành".
    public var noun: String

    /// Creates a policy.
    public init(draft: Set<ReviewRole>, submit: Set<ReviewRole>, decide: Set<ReviewRole>, withdraw: Set<ReviewRole> = [],
                needsDraft: Bool, allowsCorrection: Bool, deciderMayBeOfItsUnit: Bool, noun: String) {
        self.draft = draft
        self.submit = submit
        self.decide = decide
        self.withdraw = withdraw
        self.needsDraft = needsDraft
        self.allowsCorrection = allowsCorrection
        self.deciderMayBeOfItsUnit = deciderMayBeOfItsUnit
        self.noun = noun
    }

    /// A claim that a task (or one report period of a recurring task) is done: staff or the
    /// head draft it with evidence, the head submits, a reviewer of another unit decides.
    public static let taskClaim = ReviewPolicy(
        draft: [.staff, .head], submit: [.head], decide: [.reviewer],
        needsDraft: true, allowsCorrection: false, deciderMayBeOfItsUnit: false, noun: "đề nghị hoàn thành")

    /// A KPI value for a period: as a claim, and an accepted value may be corrected by a new
    /// version (the accepted one keeps counting until the correction is accepted).
    public static let kpiValue = ReviewPolicy(
        draft: [.staff, .head], submit: [.head], decide: [.reviewer],
        needsDraft: true, allowsCorrection: true, deciderMayBeOfItsUnit: false, noun: "số liệu chỉ tiêu")

    /// A request to publish a piece of evidence: staff or the head ask, the head or a
    /// reviewer decides (never the one who asked), and the head or a reviewer may withdraw it.
    public static let publication = ReviewPolicy(
        draft: [], submit: [.staff, .head], decide: [.head, .reviewer], withdraw: [.head, .reviewer],
        needsDraft: false, allowsCorrection: false, deciderMayBeOfItsUnit: true, noun: "đề nghị công khai minh chứng")

    /// The roles that may make `move`.
    public func roles(for move: ReviewMove) -> Set<ReviewRole> {
        switch move {
        case .draft: draft
        case .submit: submit
        case .accept, .sendBack: decide
        case .withdraw: withdraw
        }
    }
}
