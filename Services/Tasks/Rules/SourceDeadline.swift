import Foundation

/// The deadline a task takes from its plan's wording, and how it differs from what the
/// wording says.
///
/// - No wording (nil or blank): `undetermined`, the source's silence kept as such.
/// - A due day on or after the plan's date: that day.
/// - A due day before the plan's date (the plan's own discrepancy, e.g. "Quý III năm 2025"
///   in a plan of 19/11/2025): loaded, and counted from the plan's date, which becomes the
///   deadline in force; `statedDay` keeps the day the wording means.
/// - Recurring wording: the recurrence.
///
/// Wording in no understood form is refused (`DeadlineParseError`): nothing is guessed.
public struct SourceDeadline: Sendable, Equatable {
    /// The deadline in force.
    public var deadline: Deadline
    /// The due day the wording itself means, when it names one (even before the plan's date).
    public var statedDay: Day?

    /// Whether the wording's day precedes the plan's date, so the deadline counts from the plan's date.
    public var precedesPlan: Bool {
        guard let statedDay, let due = deadline.dueDay else { return false }
        return statedDay < due
    }

    /// Creates the value as given.
    public init(deadline: Deadline, statedDay: Day?) {
        self.deadline = deadline
        self.statedDay = statedDay
    }

    /// Reads `wording` for a plan issued on `planIssuedOn`.
    public static func read(_ wording: String?, planIssuedOn: Day) throws(DeadlineParseError) -> SourceDeadline {
        guard let wording, !wording.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return SourceDeadline(deadline: .undetermined, statedDay: nil)
        }
        let parsed = try DeadlineParser.parse(wording)
        guard let day = parsed.dueDay else { return SourceDeadline(deadline: parsed, statedDay: nil) }
        return SourceDeadline(deadline: .due(max(day, planIssuedOn)), statedDay: day)
    }

    /// The note a person reads when the wording's day precedes the plan's date, or `nil`.
    public func discrepancyNote(planIssuedOn: Day) -> String? {
        guard precedesPlan, let statedDay else { return nil }
        return "Thời hạn ghi trong văn bản (\(statedDay)) trước ngày ban hành kế hoạch (\(planIssuedOn)); "
            + "thời hạn được tính từ ngày ban hành kế hoạch."
    }
}
