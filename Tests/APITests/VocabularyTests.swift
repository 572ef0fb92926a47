import Foundation
import MetricsRules
import NQ57Calendar
import NQ57Wire
import ReviewRules
import TasksRules
import Testing
@testable import NQ57API

/// `sys.vocabulary` names every case of every type it covers, in NFC Vietnamese, one name per
/// concept, and names periods exactly as the rules bound them.
struct VocabularyTests {
    let today = Day(year: 2026, month: 11, day: 24)!
    var vocabulary: Vocabulary { Vocabulary.labels(today: today) }

    /// Each list of the vocabulary beside the raw values of every case of its type.
    var lists: [(name: String, terms: [VocabularyTerm], cases: [String])] {
        let v = vocabulary
        return [
            ("taskStates", v.taskStates, TaskStatus.allCases.map(\.rawValue)),
            ("reviewStates", v.reviewStates, ReviewState.allCases.map(\.rawValue)),
            ("itemActions", v.itemActions, ItemAction.allCases.map(\.rawValue)),
            ("roles", v.roles, Role.allCases.map(\.rawValue)),
            ("taskHistoryKinds", v.taskHistoryKinds, TaskHistoryKind.allCases.map(\.rawValue)),
            ("scoreBands", v.scoreBands, ScoreBand.allCases.map(\.rawValue)),
            ("flagRules", v.flagRules, FlagRule.allCases.map(\.rawValue)),
            ("completionStatuses", v.completionStatuses, CompletionStatus.allCases.map(\.rawValue)),
            ("directions", v.directions, Direction.allCases.map(\.rawValue)),
            ("measures", v.measures, Measure.allCases.map(\.rawValue)),
            ("rollUpRules", v.rollUpRules, RollUpRule.allCases.map(\.rawValue)),
            ("periodKinds", v.periodKinds, Period.allCases.map(\.rawValue)),
            ("reminderStages", v.reminderStages, ReminderStage.allCases.map(\.rawValue)),
            ("explanationStates", v.explanationStates, ExplanationState.allCases.map(\.rawValue)),
        ]
    }

    /// Whether `text` is in Unicode NFC, scalar by scalar (String's `==` would call the two forms equal).
    static func isNFC(_ text: String) -> Bool {
        Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    @Test("Every case of every type it covers has a label, in the order of the type's cases")
    func everyCaseLabelled() {
        for list in lists {
            #expect(list.terms.map(\.value) == list.cases, "\(list.name)")
            #expect(list.terms.allSatisfy { !$0.label.trimmingCharacters(in: .whitespaces).isEmpty }, "\(list.name)")
            #expect(Set(list.terms.map(\.label)).count == list.terms.count, "\(list.name): two values share a label")
        }
        #expect(vocabulary.flagRules.allSatisfy { $0.detail?.isEmpty == false }, "each flag rule as the plans state it")
    }

    @Test("Every label is NFC, and written with its diacritics")
    func labelsAreNFC() {
        let v = vocabulary
        let all = lists.flatMap(\.terms) + v.publicationStates + v.reviewedItems
        for term in all {
            #expect(Self.isNFC(term.label), "\(term.value): \(term.label)")
            #expect(term.detail.map(Self.isNFC) ?? true, "\(term.value)")
        }
        // A decomposed "ệ" (e + circumflex + dot below) is what the check exists to catch.
        #expect(!Self.isNFC("Chu\u{0065}\u{0302}\u{0323}n vi\u{0065}\u{0302}n"))
        #expect(v.taskStates.first { $0.value == "notStarted" }?.label == "Chưa triển khai")
        #expect(v.reviewedItems.first { $0.value == "taskClaim" }?.label == "Đề nghị hoàn thành")
    }

    @Test("One name per role: the review workflow's roles are called what the account roles are")
    func oneNamePerRole() throws {
        for role in ReviewRole.allCases {
            let accountRole = try #require(Role(rawValue: role.rawValue))
            #expect(role.displayName == accountRole.displayName, "\(role)")
        }
        #expect(vocabulary.roles.first { $0.value == "head" }?.label == "Người đứng đầu")
    }

    @Test("Publication states are the review states a request to publish can be in: no draft")
    func publicationStates() {
        #expect(vocabulary.publicationStates.map(\.value) == ["submitted", "accepted", "sentBack", "withdrawn"])
        #expect(Vocabulary.states(of: .taskClaim) == [.draft, .submitted, .accepted, .sentBack])
    }

    @Test("A day's periods: named and bounded by the rules, newest first, for one kind or every kind")
    func periodsOfADay() throws {
        let quarters = try Vocabulary.answer(.init(day: "2026-11-24", kind: .quarter, count: 3), today: today).periods
        #expect(quarters.map(\.key) == ["2026-Q4", "2026-Q3", "2026-Q2"])
        #expect(quarters[0] == PeriodInfo(PeriodKey(key: "2026-Q4")!))
        #expect(quarters[0].label == "Quý IV/2026" && quarters[0].start == "2026-10-01" && quarters[0].end == "2026-12-31")
        let month = try Vocabulary.answer(.init(day: "2026-11-24", kind: .month), today: today).periods
        #expect(month.map(\.label) == ["Tháng 11/2026"] && month[0].end == "2026-11-30")
        let january = try Vocabulary.answer(.init(day: "2026-01-15", kind: .month, count: 2), today: today).periods
        #expect(january.map(\.key) == ["2026-01", "2025-12"], "back across the year")
        let every = try Vocabulary.answer(.init(), today: today).periods
        #expect(every.map(\.label) == ["Tháng 11/2026", "Quý IV/2026", "6 tháng cuối năm 2026", "Năm 2026"], "today's, of each kind")
        let named = try Vocabulary.answer(.init(kind: .year, keys: ["2025-H1", "2026"]), today: today).periods
        #expect(named.map(\.key) == ["2026", "2025-H1"], "a named period already there is not repeated")
        #expect(named.last?.label == "6 tháng đầu năm 2025" && named.last?.end == "2025-06-30")
    }

    @Test("A malformed day or period key, too many keys, or a count out of range, is refused naming the field", arguments: [
        (SysVocabulary.Params(day: "24/11/2026"), "day"), (SysVocabulary.Params(count: 0), "count"),
        (SysVocabulary.Params(count: 121), "count"), (SysVocabulary.Params(keys: ["2026-Q5"]), "keys"),
        (SysVocabulary.Params(keys: Array(repeating: "2026-11", count: SysVocabulary.Params.maximumKeys + 1)), "keys"),
    ])
    func refusals(params: SysVocabulary.Params, field: String) {
        do {
            _ = try Vocabulary.answer(params, today: today)
            Issue.record("accepted \(params)")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.details?["field"] == field)
            #expect(Self.isNFC(error.message) && !error.message.isEmpty)
        }
    }

    @Test("It is an open method only the gateway answers, and its shapes are documented")
    func declared() {
        #expect(APICatalog.policy(of: SysVocabulary.name) == .open)
        #expect(!APICatalog.system.contains { $0.name == SysVocabulary.name }, "backends do not answer it")
        let description = MethodDescription(SysVocabulary.self)
        guard case .object(_, let fields) = description.result else {
            Issue.record("result is not an object: \(description.result)")
            return
        }
        #expect(fields.map(\.name).contains("taskStates") && fields.allSatisfy { $0.doc?.isEmpty == false })
        guard case .object(_, let params) = description.params else {
            Issue.record("params is not an object")
            return
        }
        #expect(params.first { $0.name == "kind" }?.shape == .enumeration(name: "Period", cases: Period.allCases.map(\.rawValue)))
    }
}
