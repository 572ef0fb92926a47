import MetricsRules
import NQ57Calendar
import NQ57Wire
import ReviewRules
import TasksRules
import UnitRules

extension Vocabulary {
    /// The vocabulary with the periods `params` asks for around `today` (the gateway's day);
    /// refuses a malformed day or key and a count out of range, naming the field.
    public static func answer(_ params: SysVocabulary.Params, today: Day) throws(RPCError) -> Vocabulary {
        let day = try params.day.map { text throws(RPCError) -> Day in
            guard let day = Day(iso: text) else {
                throw RPCError(.invalidArgument, "Ngày \"\(text)\" không hợp lệ: cần dạng yyyy-MM-dd, ví dụ 2026-11-30.",
                               details: ["field": "day"])
            }
            return day
        } ?? today
        let count = params.count ?? 1
        guard (1...SysVocabulary.Params.maximumCount).contains(count) else {
            throw RPCError(.invalidArgument, "Số kỳ phải từ 1 đến \(SysVocabulary.Params.maximumCount).", details: ["field": "count"])
        }
        // Anyone may call this without logging in: a bounded list, so no call costs the gateway much.
        guard (params.keys?.count ?? 0) <= SysVocabulary.Params.maximumKeys else {
            throw RPCError(.invalidArgument, "Chỉ được hỏi tên tối đa \(SysVocabulary.Params.maximumKeys) kỳ báo cáo trong một lần.",
                           details: ["field": "keys"])
        }
        let named = try (params.keys ?? []).map { text throws(RPCError) -> PeriodKey in
            guard let key = PeriodKey(key: text) else {
                throw RPCError(.invalidArgument, "Kỳ báo cáo \"\(text)\" không hợp lệ: cần dạng 2025-11, 2025-Q3, 2025-H2 hoặc 2025.",
                               details: ["field": "keys"])
            }
            return key
        }
        var vocabulary = Vocabulary.labels(today: today)
        vocabulary.periods = periods(around: day, kinds: params.kind.map { [$0] } ?? Period.allCases, count: count, named: named)
        return vocabulary
    }

    /// Every label, from the types themselves, without periods.
    public static func labels(today: Day) -> Vocabulary {
        var vocabulary = Vocabulary(
            today: today.iso,
            taskStates: TaskStatus.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            reviewStates: ReviewState.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            publicationStates: states(of: .publication).map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            reviewedItems: ReviewQueueKind.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.label) },
            itemActions: ItemAction.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.label) },
            roles: Role.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            taskHistoryKinds: TaskHistoryKind.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            deadlineKinds: DeadlineKind.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            scoreBands: ScoreBand.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            flagRules: FlagRule.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName, detail: $0.ruleText) },
            completionStatuses: CompletionStatus.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            directions: Direction.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            measures: Measure.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            rollUpRules: RollUpRule.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            periodKinds: Period.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            reminderStages: ReminderStage.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            explanationStates: ExplanationState.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) },
            periods: [])
        vocabulary.unitChanges = UnitChangeKind.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) }
        vocabulary.unitTrees = UnitTreeChoice.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) }
        vocabulary.kpiFlagRules = KPIFlagRule.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.displayName) }
        vocabulary.workSections = WorkSection.allCases.map { VocabularyTerm(value: $0.rawValue, label: $0.label, detail: $0.detail) }
        return vocabulary
    }

    /// The states an item under `policy` can be in: no draft when it is submitted in one step,
    /// no withdrawn when nobody may withdraw it.
    static func states(of policy: ReviewPolicy) -> [ReviewState] {
        ReviewState.allCases.filter { state in
            switch state {
            case .draft: policy.needsDraft
            case .withdrawn: !policy.withdraw.isEmpty
            case .submitted, .accepted, .sentBack: true
            }
        }
    }

    /// Of each kind, `count` periods from the one containing `day` back in time; then `named`
    /// ones not already there.
    static func periods(around day: Day, kinds: [Period], count: Int, named: [PeriodKey]) -> [PeriodInfo] {
        var keys: [PeriodKey] = []
        for kind in kinds {
            var key = PeriodKey.containing(day, period: kind)
            for _ in 0..<count where key.year >= 1 {
                keys.append(key)
                key = key.previous
            }
        }
        var seen = Set(keys)
        for key in named where seen.insert(key).inserted { keys.append(key) }
        return keys.map(PeriodInfo.init)
    }
}
