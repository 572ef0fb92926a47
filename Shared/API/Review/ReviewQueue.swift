import NQ57Calendar
import NQ57Wire
import ReviewRules

/// The rules every service's review queue shares: whether the caller may decide an item and
/// why not (from the one review workflow, so the queue never offers what the server refuses),
/// how long it has waited, the age filter, and the order (oldest first).
public enum ReviewQueue {
    /// The longest age filter accepted, in days.
    public static let maximumAgeFilter = 3650

    /// The age filter of `params`, checked: `invalid_argument` naming `olderThanDays` when out of range.
    public static func ageFilter(_ params: ReviewQueueParams) throws(RPCError) -> Int? {
        guard let days = params.olderThanDays else { return nil }
        guard (0...maximumAgeFilter).contains(days) else {
            throw RPCError(.invalidArgument, "Số ngày chờ phải từ 0 đến \(maximumAgeFilter), không phải \(days).",
                           details: ["field": "olderThanDays"])
        }
        return days
    }

    /// Whole days from `submittedOn` (yyyy-MM-dd) to `today`; 0 when unreadable or in the future.
    public static func waitingDays(since submittedOn: String, today: Day) -> Int {
        guard let day = Day(iso: submittedOn) else { return 0 }
        return max(0, day.daysUntil(today))
    }

    /// The decisions `caller` may make on `item` of the unit at `unitPath` on `day`, and, when
    /// there are none, the review workflow's own reason (its refusal of an acceptance).
    public static func decision(_ machine: ReviewStateMachine, on item: ReviewItem, for caller: Caller, unitPath: String,
                                on day: Day) -> (actions: [ItemAction], whyNot: String?) {
        let actor: ReviewActor
        do {
            actor = try caller.reviewActor(forUnitAt: unitPath)
        } catch {
            return ([], error.message)
        }
        let actions = machine.actions(on: item, by: actor, on: day).filter { $0 == .accept || $0 == .sendBack }
        guard actions.isEmpty else { return (actions, nil) }
        do {
            _ = try machine.apply(.accept, to: item, by: actor, on: day)
            return ([], nil)
        } catch {
            return ([], error.message)
        }
    }

    /// `items` waiting more than `olderThan` days (all when nil), oldest first, then by unit, title and period.
    public static func arranged(_ items: [ReviewQueueItem], olderThan: Int?) -> [ReviewQueueItem] {
        items.filter { item in olderThan.map { item.waitingDays > $0 } ?? true }.sorted { a, b in
            (a.submittedOn, a.unitId, a.title, a.period ?? "") < (b.submittedOn, b.unitId, b.title, b.period ?? "")
        }
    }
}
