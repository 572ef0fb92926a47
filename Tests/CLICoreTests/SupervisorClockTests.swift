import Foundation
import Logging
import Testing
@testable import NQ57CLICore

/// `nq57 up --now DAY`: one clock for every child, fixed when the supervisor is made, so a
/// service that starts late or restarts keeps the others' time.
@Suite("Supervisor: one NQ57_NOW clock for every child")
struct SupervisorClockTests {
    static func supervisor(_ environment: [String: String]) -> Supervisor {
        Supervisor(configuration: .init(binDirectory: "/nonexistent", dataRoot: "/nonexistent", environment: environment),
                   logger: Logger(label: "test"))
    }

    @Test("With NQ57_NOW, the children get the instant the day's clock started; without it, nothing")
    func startedWithTheDay() throws {
        let before = Date().timeIntervalSince1970
        let environment = Self.supervisor(["NQ57_NOW": "2026-11-24"]).configuration.environment
        let started = try #require(environment["NQ57_NOW_STARTED"].flatMap(Double.init))
        #expect(started >= before - 1 && started <= Date().timeIntervalSince1970 + 1)
        if ProcessInfo.processInfo.environment["NQ57_NOW"] == nil {
            #expect(Self.supervisor([:]).configuration.environment["NQ57_NOW_STARTED"] == nil)
        }
        // One the operator set is kept.
        #expect(Self.supervisor(["NQ57_NOW": "2026-11-24", "NQ57_NOW_STARTED": "1700000000"]).configuration.environment["NQ57_NOW_STARTED"] == "1700000000")
    }
}
