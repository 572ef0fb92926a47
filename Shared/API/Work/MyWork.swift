import NQ57Calendar
import NQ57Wire

/// The rules both services' "Việc của tôi" share: which units are the caller's, and the order.
public enum MyWork {
    /// The paths of the units whose work is the caller's: where they hold staff or head, or only
    /// `unitPath` (the unit asked about) when given, which must be within those.
    /// Refuses a unit outside them (`permission_denied`).
    public static func scope(of caller: Caller, within unitPath: String?) throws(RPCError) -> [String] {
        let own = Array(Set(caller.grants.filter { $0.role == .staff || $0.role == .head }.map(\.unitPath))).sorted()
        guard let unitPath else { return own }
        guard own.contains(where: { unitPath.hasPrefix($0) }) else {
            throw RPCError(.permissionDenied, "Đơn vị này không thuộc phạm vi công việc của bạn (chuyên viên hoặc người đứng đầu).",
                           details: ["field": "unitId"])
        }
        return [unitPath]
    }

    /// Whether `path` is within any of `scope`.
    public static func contains(_ scope: [String], _ path: String) -> Bool {
        scope.contains { path.hasPrefix($0) }
    }

    /// Days from `dueOn` to `today` when positive, else 0.
    public static func daysLate(_ dueOn: Day, today: Day) -> Int { max(0, dueOn.daysUntil(today)) }

    /// `items` by section (in `WorkSection` order), then by due day (none last), unit and title.
    public static func arranged(_ items: [MyWorkItem]) -> [MyWorkItem] {
        let order = Dictionary(uniqueKeysWithValues: WorkSection.allCases.enumerated().map { ($1, $0) })
        return items.sorted { a, b in
            (order[a.section] ?? 0, a.dueOn ?? "9999", a.unitId, a.title, a.period ?? "")
                < (order[b.section] ?? 0, b.dueOn ?? "9999", b.unitId, b.title, b.period ?? "")
        }
    }
}
