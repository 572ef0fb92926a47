import NQ57Wire
import TasksRules

// The tasks rules' own types travel on the wire as they are (their raw values); their
// refusals answer as `RPCError`s with the right code and the field or move they concern.

extension TaskStatus: ShapeEnumerable {}
extension FlagRule: ShapeEnumerable {}
extension FlagLevel: ShapeEnumerable {}
extension ScoreBand: ShapeEnumerable {}
extension TaskHistoryKind: ShapeEnumerable {}
extension Period: ShapeEnumerable {}
extension DeadlineKind: ShapeEnumerable {}
extension DeadlineBasis: ShapeEnumerable {}

extension RPCError {
    /// The error a refused task transition answers with: `invalid_argument` for a bad value
    /// (percent, evidence, reason), `failed_precondition` for a step the state does not allow.
    public init(_ error: TransitionError) {
        let code: ErrorCode = error.kind == .invalidArgument ? .invalidArgument : .failedPrecondition
        self.init(code, error.message, details: ["from": error.from.rawValue, "event": error.event])
    }
}

extension TaskStateMachine {
    /// `apply`, with a refusal as the `RPCError` it answers with.
    public static func move(_ event: TaskEvent, from status: TaskStatus, deadline: Day?) throws(RPCError) -> TaskStatus {
        do {
            return try apply(event, to: status, deadline: deadline)
        } catch {
            throw RPCError(error)
        }
    }
}

extension SourceDeadline {
    /// `read`, with unreadable wording as `invalid_argument` naming the field `timeText` and the text.
    public static func reading(_ text: String?, planIssuedOn: Day) throws(RPCError) -> SourceDeadline {
        do {
            return try read(text, planIssuedOn: planIssuedOn)
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": "timeText", "text": text ?? ""])
        }
    }
}

extension DeadlineParser {
    /// The deadline or recurrence a plan's time wording means; unreadable wording is
    /// `invalid_argument` naming the field `timeText` and the text.
    public static func deadline(_ text: String) throws(RPCError) -> Deadline {
        do {
            return try parse(text)
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": "timeText", "text": text])
        }
    }
}
