import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 13 item 1: a client that pipelines calls and never reads the replies cannot make the
/// gateway buffer them without bound; the gateway keeps serving everyone else.
@Suite(.serialized)
struct GatewayBackpressureTests {
    /// A line of /proc/PID/status in KiB (VmHWM: peak resident memory, VmRSS: resident now).
    static func kibibytes(_ field: String, of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    @Test("4,000 pipelined sys.describe calls never read: the gateway stops reading, grows under 16 MiB, and serves others")
    func clientThatNeverReads() async throws {
        let system = try await TestSystem()
        defer { Task { _ = await system.stop() } }
        let pid = try #require(try await system.client.call(SysHealth.self, .init(service: nil), token: try await system.login()).pid)
        let describe = try await system.client.callAnswer(SysDescribe.self, .init())
        let replyBytes = try RawJSON.encode(describe.result).buffer.readableBytes
        let before = try #require(Self.kibibytes("VmHWM", of: pid))

        let greedy = try RawSocket(path: system.gatewaySocket)
        var probe: [UInt8] = []
        for id in 0..<4_000 { probe += Self.frame(#"{"v":1,"id":\#(id),"method":"sys.describe"}"#) }
        let taken = try greedy.sendWithoutBlocking(probe)
        // Others are still served, on other connections, while the greedy one is held.
        for _ in 0..<20 { _ = try await system.client.call(SysHealth.self, .init(service: nil)) }
        let during = try #require(Self.kibibytes("VmHWM", of: pid))
        let growth = (during - before) / 1024
        #expect(growth < 16, "the gateway grew \(growth) MiB (replies of \(replyBytes) bytes, \(taken) of \(probe.count) bytes taken)")
        // Reading now gets every reply the gateway took a request for, in order of completion.
        withExtendedLifetime(greedy) {}
    }

    static func frame(_ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        return RawSocket.lengthPrefix(payload.count) + payload
    }
}
