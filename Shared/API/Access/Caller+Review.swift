import NQ57Calendar
import NQ57Wire
import ReviewRules

extension Caller {
    /// The caller as the review workflow sees it for an item of the unit at `unitPath`: the
    /// staff, head and reviewer roles held at that unit or above it, and whether any role is
    /// held at the unit itself. Refuses a caller without an account (`unauthenticated`).
    public func reviewActor(forUnitAt unitPath: String) throws(RPCError) -> ReviewActor {
        guard let account else {
            throw RPCError(.unauthenticated, "Cần đăng nhập để thực hiện thao tác này.")
        }
        var roles = Set<ReviewRole>()
        for grant in grants where unitPath.hasPrefix(grant.unitPath) {
            if let role = ReviewRole(rawValue: grant.role.rawValue) { roles.insert(role) }
        }
        return ReviewActor(account: account, roles: roles, isOfItemUnit: grants.contains { $0.unitPath == unitPath })
    }
}

extension RPCError {
    /// The error a review refusal answers with: `failed_precondition` for a move the item's
    /// state does not allow, `invalid_argument` for a bad value, `permission_denied` for a role
    /// that may not make the move or an author deciding on their own work.
    public init(_ refusal: ReviewRefusal) {
        let code: ErrorCode = switch refusal.kind {
        case .illegalMove: .failedPrecondition
        case .invalidArgument: .invalidArgument
        case .notPermitted, .separationOfDuties: .permissionDenied
        }
        var details = ["move": refusal.move, "rule": refusal.kind.rawValue]
        if let from = refusal.from { details["from"] = from.rawValue }
        if refusal.kind == .invalidArgument { details["field"] = "reason" }
        self.init(code, refusal.message, details: details)
    }
}

extension ReviewStateMachine {
    /// `apply`, with a refusal as the `RPCError` it answers with.
    public func move(_ move: ReviewMove, _ item: ReviewItem, by actor: ReviewActor, on day: Day) throws(RPCError) -> ReviewItem {
        do {
            return try apply(move, to: item, by: actor, on: day)
        } catch {
            throw RPCError(error)
        }
    }
}
