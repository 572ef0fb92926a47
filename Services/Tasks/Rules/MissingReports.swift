extension FlagRules {
    /// The periods of a recurring task whose report is missing on `today`, oldest first.
    ///
    /// A period's report is due by the end of its last day, so a period is missing once
    /// `today` is after its `end` and its key is not in `reportedPeriods`. Periods count
    /// from the one containing `assignedOn` (the assignment's own period included).
    public func missingReports(
        period: Period, assignedOn: Day, reportedPeriods: Set<PeriodKey>, today: Day
    ) -> [PeriodKey] {
        var missing: [PeriodKey] = []
        var current = PeriodKey.containing(assignedOn, period: period)
        while current.end < today {
            if !reportedPeriods.contains(current) { missing.append(current) }
            current = current.next
        }
        return missing
    }
}
