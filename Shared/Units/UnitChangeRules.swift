/// Why a change to the unit tree was refused: a message for people (Vietnamese) and the field
/// it is about, for programs.
public struct UnitChangeError: Error, Sendable, Equatable {
    /// What kind of refusal.
    public enum Kind: Sendable, Equatable {
        /// The request itself is wrong (a bad day, the same unit twice, no change).
        case invalid
        /// A unit it names does not exist.
        case unknownUnit
        /// The tree is not in a state that allows it (a unit already ended, a cycle).
        case conflict
    }

    /// What kind of refusal.
    public var kind: Kind
    /// The message, in Vietnamese.
    public var message: String
    /// The field of the request it is about.
    public var field: String

    /// Creates a refusal.
    public init(_ kind: Kind, _ message: String, field: String) {
        self.kind = kind
        self.message = message
        self.field = field
    }
}

/// The rules of renames, merges and splits, checked against the timeline before anything is
/// written. Days are ISO `yyyy-MM-dd`; `display` turns one into dd/MM/yyyy for messages.
public enum UnitChangeRules {
    /// A day as people read it: `2026-04-30` → `30/04/2026`.
    public static func display(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// A reason is required, in words (3 to 500 characters once trimmed).
    public static func reason(_ text: String?) throws(UnitChangeError) -> String {
        let trimmed = UnitNames.normalized(text ?? "")
        guard (3...500).contains(trimmed.count) else {
            throw UnitChangeError(.invalid, "Cần ghi lý do thay đổi (từ 3 đến 500 ký tự).", field: "reason")
        }
        return trimmed
    }

    /// Checks a rename of `unitId` to `name` from `day`, given its names (oldest first).
    public static func rename(_ unitId: String, to name: String, on day: String, names: [(name: String, validFrom: String)],
                              timeline: UnitTimeline) throws(UnitChangeError) {
        let span = try known(unitId, timeline: timeline, field: "unitId")
        guard day >= span.from else {
            throw UnitChangeError(.invalid, "Ngày hiệu lực \(display(day)) trước ngày đơn vị \(unitId) được thành lập (\(display(span.from))).",
                                  field: "validFrom")
        }
        if let until = span.until, day >= until {
            throw UnitChangeError(.conflict, "Đơn vị \(unitId) đã thôi tồn tại từ \(display(until)); không thể đổi tên sau ngày đó.",
                                  field: "validFrom")
        }
        let before = names.filter { $0.validFrom < day }
        if let current = before.last, UnitNames.same(current.name, name) {
            throw UnitChangeError(.invalid,
                                  "\"\(UnitNames.normalized(name))\" là cùng một tên với \"\(current.name)\" (chỉ khác cách đặt dấu); không phải đổi tên.",
                                  field: "name")
        }
    }

    /// Checks a merge of `sources` into `target` from `day`: each source ends that day and
    /// `target` carries on their work.
    public static func merge(_ sources: [String], into target: String, on day: String, timeline: UnitTimeline) throws(UnitChangeError) {
        guard !sources.isEmpty else {
            throw UnitChangeError(.invalid, "Cần ít nhất một đơn vị được sáp nhập.", field: "unitIds")
        }
        guard Set(sources).count == sources.count else {
            throw UnitChangeError(.invalid, "Một đơn vị được nêu hai lần trong danh sách sáp nhập.", field: "unitIds")
        }
        guard !sources.contains(target) else {
            throw UnitChangeError(.invalid, "Không thể sáp nhập đơn vị \(target) vào chính nó.", field: "into")
        }
        // The merged units first: a day before their creation is the request's fault, whatever the target.
        let spans = try sources.map { source throws(UnitChangeError) in try ending(source, on: day, timeline: timeline, field: "unitIds") }
        let carrier = try alive(target, on: day, timeline: timeline, field: "into", role: "nhận sáp nhập")
        for (source, span) in zip(sources, spans) {
            guard span.kind == carrier.kind else {
                throw UnitChangeError(.invalid, "Đơn vị \(source) và \(target) không cùng cấp; chỉ sáp nhập các đơn vị cùng cấp.",
                                      field: "unitIds")
            }
            try noCycle(from: source, to: target, timeline: timeline, field: "into")
        }
    }

    /// Checks a split of `source` into `targets` from `day`: `source` ends that day and each
    /// target carries on part of its work.
    public static func split(_ source: String, into targets: [String], on day: String, timeline: UnitTimeline) throws(UnitChangeError) {
        guard targets.count >= 2, Set(targets).count == targets.count else {
            throw UnitChangeError(.invalid, "Chia tách cần ít nhất hai đơn vị kế thừa khác nhau.", field: "into")
        }
        guard !targets.contains(source) else {
            throw UnitChangeError(.invalid, "Đơn vị \(source) không thể vừa bị chia tách vừa kế thừa chính nó.", field: "into")
        }
        let span = try ending(source, on: day, timeline: timeline, field: "unitId")
        for target in targets {
            let carrier = try alive(target, on: day, timeline: timeline, field: "into", role: "kế thừa")
            guard carrier.kind == span.kind else {
                throw UnitChangeError(.invalid, "Đơn vị \(target) không cùng cấp với \(source).", field: "into")
            }
            try noCycle(from: source, to: target, timeline: timeline, field: "into")
        }
    }

    private static func known(_ unitId: String, timeline: UnitTimeline, field: String) throws(UnitChangeError) -> UnitSpan {
        guard let span = timeline.spans[unitId] else {
            throw UnitChangeError(.unknownUnit, "Không có đơn vị \"\(unitId)\".", field: field)
        }
        return span
    }

    /// A unit that exists on `day` and started before it, so that it can end that day.
    private static func ending(_ unitId: String, on day: String, timeline: UnitTimeline, field: String) throws(UnitChangeError) -> UnitSpan {
        let span = try known(unitId, timeline: timeline, field: field)
        if let until = span.until {
            throw UnitChangeError(.conflict, "Đơn vị \(unitId) đã thôi tồn tại từ \(display(until)).", field: field)
        }
        guard day > span.from else {
            throw UnitChangeError(.invalid,
                                  "Ngày hiệu lực \(display(day)) không sau ngày đơn vị \(unitId) được thành lập (\(display(span.from))).",
                                  field: "effectiveOn")
        }
        return span
    }

    /// A unit that exists on `day`, to carry on another's work from then.
    private static func alive(_ unitId: String, on day: String, timeline: UnitTimeline, field: String, role: String)
        throws(UnitChangeError) -> UnitSpan {
        let span = try known(unitId, timeline: timeline, field: field)
        guard span.exists(on: day) else {
            throw UnitChangeError(.conflict, "Đơn vị \(role) \(unitId) không tồn tại vào ngày \(display(day)).", field: field)
        }
        return span
    }

    /// Refuses a link `source` → `target` when `target` is already a predecessor of `source`:
    /// the link would close a cycle of successors.
    private static func noCycle(from source: String, to target: String, timeline: UnitTimeline, field: String) throws(UnitChangeError) {
        if timeline.isPredecessor(target, of: source) {
            throw UnitChangeError(.conflict,
                                  "Đơn vị \(target) là tiền thân của \(source); sáp nhập hay chia tách này tạo vòng lặp kế thừa.",
                                  field: field)
        }
    }
}
