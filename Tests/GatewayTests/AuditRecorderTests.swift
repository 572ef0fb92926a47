import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NQ57API
import NQ57Wire
import Testing
@testable import GatewayCore

/// The gateway's records of writes reach the auth service's audit log, and are kept while
/// it is away.
@Suite(.serialized)
struct AuditRecorderTests {
    /// Stands in for the auth service's `auth.audit.append` on a real socket.
    static func startAuditSink(at path: String, received: NIOLockedValueBox<[AuditRecord]>) async throws -> RPCServer {
        var routes = MethodRoutes()
        routes.on(AuthAuditAppend.self) { params, _ in
            received.withLockedValue { $0 += params.entries }
            return Empty()
        }
        let server = RPCServer(configuration: .init(socketPath: path), handler: MethodRouter(service: "auth", routes: routes),
                               group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        try await server.start()
        return server
    }

    @Test("Records wait while the auth service is away and arrive, in order, once it is back")
    func flushes() async throws {
        let path = "/tmp/nq57-audit-\(UUID().uuidString.prefix(8)).sock"
        let auth = RPCClient(configuration: .init(socketPath: path, serviceName: "auth"), group: MultiThreadedEventLoopGroup.singleton,
                             logger: Logger(label: "test"))
        let recorder = AuditRecorder(limit: 3, logger: Logger(label: "test"))
        let admission = Admission(caller: Caller(account: "acc-1", username: "cv.binhtan", session: "s",
                                                 grants: [Grant(role: .staff, unitId: "vn-75-25246", unitPath: "/vn/vn-75/vn-75-25246/")]),
                                  unitPath: "/vn/vn-75/vn-75-25246/")
        for index in 1...4 {
            let request = RequestEnvelope(id: MessageID(UInt64(index)), method: "tasks.progress\(index)")
            recorder.record(GatewayRouter.auditRecord(request, admission: admission,
                                                      outcome: index == 4 ? .failure(RPCError(.permissionDenied, "x")) : .success(.null)))
        }
        await recorder.flush(to: auth)  // nobody listening: kept

        let received = NIOLockedValueBox<[AuditRecord]>([])
        let server = try await Self.startAuditSink(at: path, received: received)
        await recorder.flush(to: auth)
        let records = received.withLockedValue { $0 }
        #expect(records.map(\.method) == ["tasks.progress2", "tasks.progress3", "tasks.progress4"], "the oldest beyond the limit is dropped")
        #expect(records.last?.outcome == "permission_denied")
        #expect(records.first?.username == "cv.binhtan")
        #expect(records.first?.unitPath == "/vn/vn-75/vn-75-25246/")
        await recorder.flush(to: auth)
        // A batch whose answer was slow may be sent again; the ids let the auth service store it once.
        let ids = received.withLockedValue { Set($0.compactMap(\.id)) }
        #expect(ids.count == 3, "three distinct records, each with its id")
        await auth.close()
        await server.shutdown()
    }
}
