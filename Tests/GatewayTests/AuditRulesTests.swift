import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Wire
import Testing
@testable import GatewayCore

/// What the gateway puts on the audit record, and that a call is answered only once its
/// record is journalled.
@Suite(.serialized)
struct AuditRulesTests {
    static let ok: Result<RawJSON, RPCError> = .success(.null)
    static let denied: Result<RawJSON, RPCError> = .failure(RPCError(.permissionDenied, "không"))

    @Test("Writes, evidence reads and refusals are audited; other reads and the auth service's own answers are not")
    func whichCalls() {
        #expect(AuditRules.action(method: TasksProgress.name, service: .tasks, outcome: Self.ok) == .call)
        #expect(AuditRules.action(method: TasksProgress.name, service: .tasks, outcome: .failure(RPCError(.notFound, "x"))) == .call)
        #expect(AuditRules.action(method: EvidenceRead.name, service: .evidence, outcome: Self.ok) == .read)
        #expect(AuditRules.action(method: EvidenceReadPublic.name, service: .evidence, outcome: Self.ok) == .read)
        #expect(AuditRules.action(method: TasksFlags.name, service: .tasks, outcome: Self.ok) == nil)
        #expect(AuditRules.action(method: TasksFlags.name, service: .tasks, outcome: Self.denied) == .refused,
                "a read the service itself refuses")
        #expect(AuditRules.action(method: AuthUsersGrant.name, service: .auth, outcome: Self.ok) == nil, "auth audits its own writes")
        #expect(AuditRules.action(method: AuthLogin.name, service: .auth, outcome: .failure(RPCError(.unauthenticated, "x"))) == nil,
                "a wrong password is auth's loginFailed already")
    }

    @Test("A record names the object and the unit, most specific first, and cuts ids a caller made long")
    func namesTheObject() throws {
        let caller = Caller(account: "acc-1", username: "cv.pkt", grants: [Grant(role: .staff, unitId: "vn-75", unitPath: "/vn/vn-75/")])
        let progress = AuditRules.record(method: TasksProgress.name, params: try RawJSON(#"{"taskId":"T-9","unitId":"vn-75-25246-pkt","percent":40}"#),
                                         caller: caller, unitPath: "/vn/vn-75/vn-75-25246/vn-75-25246-pkt/", action: .call, outcome: Self.ok,
                                         at: Date())
        #expect(progress.target == "task:T-9 unit:vn-75-25246-pkt")
        #expect(progress.unitId == "vn-75-25246-pkt")
        #expect(progress.action == "call")
        #expect(progress.outcome == "ok")
        #expect(progress.username == "cv.pkt")

        let read = AuditRules.record(method: EvidenceRead.name, params: try RawJSON(#"{"id":"EV-1","unitId":"vn-75","offset":0,"length":9}"#),
                                     caller: caller, unitPath: "/vn/vn-75/", action: .read, outcome: Self.ok, at: Date())
        #expect(read.target == "evidence:EV-1 unit:vn-75")

        let value = AuditRules.record(method: MetricsReport.name, params: try RawJSON(#"{"indicatorId":"KPI-3","unitId":"vn-75"}"#),
                                      caller: nil, unitPath: nil, action: .refused, outcome: Self.denied, at: Date())
        #expect(value.target == "indicator:KPI-3 unit:vn-75")
        #expect(value.outcome == "permission_denied")
        #expect(value.unitPath == nil && value.unitId == "vn-75", "the auth service places it at the unit named")

        let long = String(repeating: "a", count: 5000)
        let padded = AuditRules.record(method: TasksProgress.name, params: try RawJSON("{\"taskId\":\"\(long)\"}"), caller: caller,
                                       unitPath: nil, action: .call, outcome: Self.ok, at: Date())
        #expect(padded.target == "task:" + String(repeating: "a", count: AuditRules.longestId))
        #expect(padded.unitPath == "/vn/vn-75/", "a call that names no unit is placed at the caller's")
    }

    /// A door that lets every call in as one staff account, or refuses every call.
    struct FixedGuard: CallGuard {
        var refusal: RPCError?
        func admit(_ request: RequestEnvelope, eventLoop: any EventLoop) -> EventLoopFuture<Admission> {
            if let refusal { return eventLoop.makeFailedFuture(refusal) }
            let caller = Caller(account: "acc-1", username: "cv.pkt", session: "s", grants: [Grant(role: .staff, unitId: "vn-75", unitPath: "/vn/vn-75/")])
            return eventLoop.makeSucceededFuture(Admission(caller: caller, unitPath: "/vn/vn-75/"))
        }
    }

    private func handle(_ method: String, _ params: String, door: FixedGuard, journal: AuditJournal) async throws -> ReplyEnvelope {
        let backends = Backends(internalDirectory: "/tmp/nq57-gateway-test-\(UUID().uuidString.prefix(8))", limits: WireLimits(),
                                callTimeout: .seconds(30), group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        let router = GatewayRouter(backends: backends, callGuard: door, journal: journal, callTimeout: .seconds(30))
        let request = RequestEnvelope(id: MessageID(5), method: method, params: try RawJSON(params))
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        return try await router.handle(request, context: RequestContext(eventLoop: loop, logger: Logger(label: "test"))).get()
    }

    @Test("A write is answered once its record is in the journal; a call refused at the door is journalled too")
    func answeredAfterJournal() async throws {
        let folder = AuditJournalTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")

        // The tasks service is absent: the write is answered unavailable, and that is on record.
        let write = try await handle(TasksProgress.name, #"{"taskId":"T-1","unitId":"vn-75","percent":10}"#, door: FixedGuard(), journal: journal)
        guard case .failure(let writeError) = write.outcome else { Issue.record("no backend, yet an answer"); return }
        #expect(writeError.code == .unavailable)
        var entries = try await journal.oldest(maxBytes: 1 << 20)
        #expect(entries.map(\.record.method) == [TasksProgress.name])
        #expect(entries.first?.record.target == "task:T-1 unit:vn-75")
        #expect(entries.first?.record.outcome == "unavailable")

        let refused = try await handle(EvidenceScrub.name, #"{"unitId":"vn"}"#,
                                       door: FixedGuard(refusal: RPCError(.permissionDenied, "không")), journal: journal)
        guard case .failure(let refusal) = refused.outcome else { Issue.record("let through"); return }
        #expect(refusal.code == .permissionDenied)
        entries = try await journal.oldest(maxBytes: 1 << 20)
        #expect(entries.count == 2)
        #expect(entries.last?.record.action == "refused")
        #expect(entries.last?.record.outcome == "permission_denied")
        #expect(entries.last?.record.target == "unit:vn")

        let plainRead = try await handle(TasksFlags.name, #"{"unitId":"vn-75"}"#, door: FixedGuard(), journal: journal)
        #expect(plainRead.id == MessageID(5))
        #expect(try await journal.count() == 2, "a plain read is not audited")
        await journal.close()
    }

    @Test("A write whose record cannot be journalled is not acknowledged")
    func notAcknowledgedWithoutRecord() async throws {
        let folder = AuditJournalTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")
        await journal.close()
        let write = try await handle(TasksProgress.name, #"{"taskId":"T-1","unitId":"vn-75","percent":10}"#, door: FixedGuard(), journal: journal)
        guard case .failure(let error) = write.outcome else { Issue.record("acknowledged without a record"); return }
        #expect(error.code == .internal)
        #expect(error.details?["audit"] == "journal")
    }
}
