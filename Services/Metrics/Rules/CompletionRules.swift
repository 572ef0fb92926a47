import NQ57Calendar

/// The status of a reported value against its target's roadmap.
public enum CompletionRules {
    /// How close a value must be to count as equal to the target.
    static let tolerance = 1e-9

    /// Completion of `value` (`nil`: not reported for the due period) against `roadmap`
    /// (`nil`: no known target) on `asOf`, for `direction`.
    ///
    /// In order, for `atLeast`:
    /// - no value (or NaN/infinite) → `notReported`; no roadmap → `noTarget`;
    /// - value ≥ target (within 1e-9) → `met`;
    /// - `asOf` after the due day → `red`;
    /// - value ≥ the line's value on `asOf` → `onTrack`;
    /// - nothing expected yet (on or before the start) → `atRisk`;
    /// - progress ratio (value − baseline)/(expected − baseline) below 0,5 → `red` (the plans'
    ///   "thấp hơn 50% so với lộ trình thời gian"), otherwise `atRisk`.
    ///
    /// `atMost` is the mirror image. `exactly` behaves as `atLeast` when the target is not
    /// below the baseline and as `atMost` otherwise, but is met only when the value equals
    /// the target (within 1e-9). `done`: 1 is `met`, anything else is `red` after the due
    /// day and `onTrack` before it.
    ///
    /// With `explain` false the explanation is left empty (for counting statuses in bulk).
    ///
    /// Boundaries are compared by multiplication on whole days (2·(v−b)·T < (t−b)·e), so
    /// they are exact for whole-number inputs: on the line is `onTrack`, a ratio of exactly
    /// 0,5 is `atRisk`.
    public static func evaluate(value: Double?, roadmap: Roadmap?, direction: Direction, asOf: Day, explain: Bool = true) -> Completion {
        let wording = CompletionWording(roadmap: roadmap, direction: direction, asOf: asOf)
        guard let value, value.isFinite else {
            let expected = direction == .done ? nil : roadmap?.expected(on: asOf)
            return Completion(status: .notReported, expected: expected, ratio: nil,
                              explanation: !explain ? "" : wording.notReported(expected: expected))
        }
        guard let roadmap else {
            return Completion(status: .noTarget, expected: nil, ratio: nil, explanation: !explain ? "" : wording.noTarget(value))
        }
        if direction == .done {
            let status: CompletionStatus = (value - 1).magnitude <= tolerance ? .met
                : asOf > roadmap.due ? .red : .onTrack
            return Completion(status: status, expected: nil, ratio: nil, explanation: !explain ? "" : wording.done(status))
        }
        return line(value: value, roadmap: roadmap, direction: direction, asOf: asOf, wording: wording, explain: explain)
    }

    /// Completion against the straight line, for `atLeast`, `atMost` and `exactly`.
    private static func line(
        value: Double, roadmap: Roadmap, direction: Direction, asOf: Day, wording: CompletionWording, explain: Bool
    ) -> Completion {
        let sign: Double = switch direction {
        case .atMost: -1
        case .exactly: roadmap.target >= roadmap.baseline ? 1 : -1
        case .atLeast, .done: 1
        }
        let (baseline, target, mirrored) = (sign * roadmap.baseline, sign * roadmap.target, sign * value)
        let elapsed = roadmap.elapsed(on: asOf)
        // Progress and expected progress, both scaled by the line's length in days.
        let progress = (mirrored - baseline) * Double(elapsed.of)
        let needed = (target - baseline) * Double(elapsed.days)
        let met = direction == .exactly
            ? (value - roadmap.target).magnitude <= tolerance
            : mirrored >= target - tolerance
        let status: CompletionStatus =
            if met { .met }
            else if asOf > roadmap.due { .red }
            else if progress >= needed { .onTrack }
            else if needed <= 0 { .atRisk }
            else if 2 * progress < needed { .red }
            else { .atRisk }
        let expected = roadmap.expected(on: asOf)
        let ratio = needed == 0 ? nil : progress / needed
        return Completion(status: status, expected: expected, ratio: ratio,
                          explanation: !explain ? "" : wording.line(status, value: value, expected: expected, ratio: ratio))
    }
}
