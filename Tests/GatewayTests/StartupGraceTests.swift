import Foundation
import InMemoryLogging
import Logging
import NIOPosix
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import GatewayCore

/// `nq57 up` starts the gateway beside auth, which may answer a moment later: that is no
/// warning. An auth service still unreachable once the grace has passed is, once.
struct StartupGraceTests {
    @Test("Quiet before the grace ends while auth was never reached; warns after it, and at once once auth had answered")
    func graceRule() {
        let start = ContinuousClock.now
        var grace = StartupGrace(started: start, grace: .seconds(10))
        #expect(!grace.warns(at: start))
        #expect(!grace.warns(at: start + .seconds(9.9)))
        #expect(grace.warns(at: start + .seconds(10)))
        grace.reachedAuth()
        #expect(grace.warns(at: start + .seconds(1)))
    }

    @Test("With auth absent, the background loops stay quiet during the grace, and after it warn once per kind, not at every look")
    func backgroundLogs() async throws {
        let folder = "/tmp/nq57-grace-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let backends = Backends(internalDirectory: folder, limits: WireLimits(), callTimeout: .seconds(5),
                                group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        let journal = try AuditJournal(path: "\(folder)/gateway.sqlite")
        defer { Task { await journal.close(); await backends.close() } }

        /// Runs the loops until `done` holds of what they logged (at most 120 s: in a full run other
        /// suites can keep the cooperative threads from them for tens of seconds), then a second
        /// more, and stops them.
        func run(grace: Duration, until done: (InMemoryLogHandler) -> Bool) async throws -> InMemoryLogHandler {
            let logs = InMemoryLogHandler()
            var logger = Logger(label: "test.gateway") { _ in logs }
            logger.logLevel = .debug
            let background = GatewayBackground(sessions: SessionVerifier(), shipper: AuditShipper(journal: journal, maxFrameBytes: 1 << 20),
                                               auth: backends.client(.auth), logger: logger, startGrace: grace)
            let running = Task { try await background.run() }
            _ = try await eventually(within: .seconds(120), every: .milliseconds(20)) { done(logs) }
            try await Task.sleep(for: .seconds(1))
            running.cancel()
            _ = try? await running.value
            return logs
        }
        let feedDown = "revocation feed unavailable"

        let starting = try await run(grace: .seconds(60)) { $0.messages(at: .debug).count { $0.hasPrefix(feedDown) } >= 2 }
        #expect(starting.messages(at: .debug).count { $0.hasPrefix(feedDown) } >= 2, "logged at debug, look after look")
        #expect(!starting.messages(at: .warning).contains(feedDown))

        let down = try await run(grace: .zero) { $0.messages(at: .warning).contains(feedDown) }
        #expect(down.messages(at: .warning).filter { $0 == feedDown }.count == 1)
    }
}

extension InMemoryLogHandler {
    /// The messages logged at exactly `level`, in order.
    func messages(at level: Logger.Level) -> [String] {
        entries.filter { $0.level == level }.map(\.message.description)
    }
}
