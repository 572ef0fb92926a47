import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Tokens
import NQ57Wire
import Testing
@testable import GatewayCore

/// The revocation feed is as fresh as the moment the gateway asked, not the moment the answer
/// arrived: an answer held up on a loaded machine must not make old news look new.
struct SessionFreshnessTests {
    @Test("An answer that took 3 s leaves the feed 3 s old: 1.5 s later (4.5 s after the question) sessions are no longer vouched for")
    func freshnessCountsFromTheQuestion() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        let signer = try await AccessTokenSigner(privateKeyPEM: AccessTokenSigner.generatePrivateKeyPEM())
        var routes = MethodRoutes()
        routes.on(AuthKeys.self) { _, _ in AuthKeys.Result(algorithm: "ES256", publicKeyPEM: signer.publicKeyPEM, issuer: "nq57") }
        routes.on(AuthRevocations.self) { _, _ in
            clock.advance(by: 3)  // the answer is 3 s on its way
            return AuthRevocations.Result(last: 1, sessions: [])
        }
        let path = "/tmp/nq57-fresh-\(UUID().uuidString.prefix(8)).sock"
        let server = RPCServer(configuration: .init(socketPath: path), handler: MethodRouter(service: "auth", routes: routes),
                               group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test.auth"))
        try await server.start()
        let auth = RPCClient(configuration: .init(socketPath: path, serviceName: "auth"), group: MultiThreadedEventLoopGroup.singleton,
                             logger: Logger(label: "test.client"))
        defer { Task { await auth.close(); await server.shutdown() } }

        let sessions = SessionVerifier(clock: clock.clock, maxStaleness: 4)
        // A loaded machine (a full test run) can hold a call past its 2 s deadline: ask again until one is answered.
        let giveUp = ContinuousClock.now + .seconds(60)
        while true {
            do {
                try await sessions.refresh(from: auth)
                break
            } catch where ContinuousClock.now < giveUp {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(sessions.isReady, "3 s old: fresh enough")
        clock.advance(by: 1.5)
        #expect(!sessions.isReady, "4.5 s since the question: too old, whatever the answer's arrival")
    }
}
