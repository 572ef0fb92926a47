import Foundation
import NQ57Calendar

/// The one review workflow of nq57: task claims, KPI values and requests to publish evidence
/// all move through it, each kind with its `ReviewPolicy`.
///
/// | from \ move | draft | submit | accept | sendBack | withdraw |
/// | --- | --- | --- | --- | --- | --- |
/// | (none) | draft | submitted¹ | – | – | – |
/// | draft | draft | submitted | – | – | – |
/// | submitted | – | – | accepted | sentBack | – |
/// | sentBack | draft (next version) | submitted | – | – | – |
/// | accepted | draft² (next version) | – | – | – | withdrawn³ |
/// | withdrawn | – | submitted¹ | – | – | – |
///
/// ¹ only where the policy needs no draft (a request to publish); ² only where it allows
/// corrections (a KPI value); ³ only where it names who may withdraw.
///
/// Checked in this order: the actor holds a role that may make the move; the move is legal
/// from the state; for a decision, the actor is none of the item's authors and (unless the
/// policy allows it) holds no role at the item's own unit; the move's value (a reason that
/// is not blank). Every account that drafts or submits becomes an author, for good.
public struct ReviewStateMachine: Sendable {
    /// Who may make each move.
    public let policy: ReviewPolicy

    /// A machine for one kind of reviewed thing.
    public init(_ policy: ReviewPolicy) {
        self.policy = policy
    }

    /// The item after `move` by `actor` on `day`, or the reason it is refused.
    public func apply(_ move: ReviewMove, to item: ReviewItem, by actor: ReviewActor, on day: Day) throws(ReviewRefusal) -> ReviewItem {
        let allowed = policy.roles(for: move)
        guard !allowed.isDisjoint(with: actor.roles) else {
            throw refusal(.notPermitted, move, item, notPermittedMessage(move, allowed))
        }
        var next = item
        switch move {
        case .draft:
            switch item.state {
            case nil, .draft?:
                break
            case .sentBack?:
                next.version += 1
                next.submittedOn = nil
            case .accepted? where policy.allowsCorrection:
                next.version += 1
                next.submittedOn = nil
            default:
                throw illegal(move, item)
            }
            next.state = .draft
            next.addAuthor(actor.account)
        case .submit:
            switch item.state {
            case .draft?, .sentBack?:
                break
            case nil:
                guard !policy.needsDraft else {
                    throw refusal(.illegalMove, move, item, "Chưa có \(policy.noun) đang soạn để gửi; chuyên viên cần lập trước.")
                }
            case .withdrawn? where !policy.needsDraft:
                break
            default:
                throw illegal(move, item)
            }
            next.state = .submitted
            next.submittedOn = day
            next.addAuthor(actor.account)
        case .accept, .sendBack:
            guard item.state == .submitted else { throw illegal(move, item) }
            if item.isAuthor(actor.account) {
                throw refusal(.separationOfDuties, move, item,
                              "Không được \(move.displayName) \(policy.noun) do chính mình soạn hoặc gửi: việc thẩm định phải do người khác thực hiện.")
            }
            if actor.isOfItemUnit && !policy.deciderMayBeOfItsUnit {
                throw refusal(.separationOfDuties, move, item,
                              "Không được \(move.displayName) \(policy.noun) của chính đơn vị mình.")
            }
            if case .sendBack(let reason) = move {
                let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else {
                    throw refusal(.invalidArgument, move, item,
                                  "Không thể trả lại \(policy.noun) khi chưa nêu lý do: cần ghi rõ lý do để đơn vị hoàn thiện.")
                }
                next.state = .sentBack
                next.reason = trimmed.precomposedStringWithCanonicalMapping
            } else {
                next.state = .accepted
                next.reason = nil
            }
            next.decidedOn = day
            next.decidedBy = actor.account
        case .withdraw:
            guard item.state == .accepted else { throw illegal(move, item) }
            next.state = .withdrawn
            next.decidedOn = day
            next.decidedBy = actor.account
        }
        return next
    }

    /// Whether `actor` may make `move` on `item` now: what a screen offers as an action.
    public func permits(_ move: ReviewMove, on item: ReviewItem, by actor: ReviewActor, on day: Day) -> Bool {
        (try? apply(move, to: item, by: actor, on: day)) != nil
    }

    private func illegal(_ move: ReviewMove, _ item: ReviewItem) -> ReviewRefusal {
        let state = item.state.map { "đang ở trạng thái \"\($0.displayName)\"" } ?? "chưa được lập"
        let rule: String = switch move {
        case .draft: "chỉ \(policy.noun) chưa gửi hoặc bị trả lại mới được sửa"
        case .submit: "chỉ \(policy.noun) đang soạn hoặc bị trả lại mới được gửi"
        case .accept, .sendBack: "chỉ \(policy.noun) đang \"\(ReviewState.submitted.displayName)\" mới được chấp nhận hoặc trả lại"
        case .withdraw: "chỉ \(policy.noun) đã được chấp nhận mới được thu hồi"
        }
        return refusal(.illegalMove, move, item, "Không thể \(move.displayName) \(policy.noun) \(state): \(rule).")
    }

    private func notPermittedMessage(_ move: ReviewMove, _ allowed: Set<ReviewRole>) -> String {
        guard !allowed.isEmpty else { return "Không ai được \(move.displayName) \(policy.noun)." }
        let names = ReviewRole.allCases.filter(allowed.contains).map(\.displayName).joined(separator: " hoặc ")
        return "Chỉ \(names) mới được \(move.displayName) \(policy.noun)."
    }

    private func refusal(_ kind: ReviewRefusal.Kind, _ move: ReviewMove, _ item: ReviewItem, _ message: String) -> ReviewRefusal {
        ReviewRefusal(kind: kind, from: item.state, move: move.name, message: message)
    }
}
