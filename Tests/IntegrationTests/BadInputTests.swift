import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// Bad input on the real sockets, sent byte by byte with a plain socket: each gets the right
/// error (or, where no reply can be framed, a closed connection), and the server goes on
/// serving everyone else.
@Suite(.serialized)
struct BadInputTests {
    /// One bad message and what must come back.
    /// The id a reply must carry.
    enum ExpectedID: Sendable {
        case null
        case number(Int)
        case text(String)
    }

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var bytes: [UInt8]
        var code: String
        var id: ExpectedID = .null
        var field: String? = nil
        /// Whether the connection stays usable afterwards.
        var keepsConnection = true
        /// Where the case applies: nil for both the gateway and a service socket.
        var only: Target? = nil
    }

    /// A socket the cases run against.
    enum Target: Sendable { case gateway, service }

    static func frame(_ text: String) -> [UInt8] { RawSocket.lengthPrefix(text.utf8.count) + Array(text.utf8) }

    static let cases: [Case] = [
        Case(description: "bytes that are not UTF-8", bytes: RawSocket.lengthPrefix(3) + [0xFF, 0xFE, 0x7B], code: "invalid_argument"),
        Case(description: "UTF-8 that is not JSON", bytes: frame("xin chào"), code: "invalid_argument"),
        Case(description: "JSON that is not an object", bytes: frame("[1,2,3]"), code: "invalid_argument"),
        Case(description: "an object that is not an envelope", bytes: frame(#"{"v":1,"id":41}"#), code: "invalid_argument", id: .number(41)),
        Case(description: "a missing id", bytes: frame(#"{"v":1,"method":"sys.health"}"#), code: "invalid_argument"),
        Case(description: "an unsupported version", bytes: frame(#"{"v":2,"id":42,"method":"sys.health"}"#),
             code: "invalid_argument", id: .number(42), field: "v"),
        Case(description: "an unknown method of a known service", bytes: frame(#"{"v":1,"id":43,"method":"tasks.noSuchThing"}"#),
             code: "not_found", id: .number(43)),
        Case(description: "an unknown service", bytes: frame(#"{"v":1,"id":"a-44","method":"nothing.here"}"#),
             code: "not_found", id: .text("a-44")),
        Case(description: "params of the wrong type", bytes: frame(#"{"v":1,"id":45,"method":"sys.describe","params":{"method":5}}"#),
             code: "invalid_argument", id: .number(45), field: "method"),
        Case(description: "params that are not an object", bytes: frame(#"{"v":1,"id":46,"method":"sys.health","params":[1]}"#),
             code: "invalid_argument", id: .number(46), field: "params"),
        Case(description: "a missing required field",
             bytes: frame(#"{"v":1,"id":47,"method":"sys.loopback","params":{},"bulk":3,"caller":{"account":"a","grants":[{"role":"admin","unitId":"vn","unitPath":"/vn/"}]}}"#) + RawSocket.lengthPrefix(3) + [1, 2, 3],
             code: "invalid_argument", id: .number(47), field: "echo", only: .service),
        Case(description: "a missing required field, through the gateway to a backend",
             bytes: frame(#"{"v":1,"id":47,"method":"auth.login","params":{"username":"admin"}}"#),
             code: "invalid_argument", id: .number(47), field: "password", only: .gateway),
        Case(description: "a method that needs a login, without one",
             bytes: frame(#"{"v":1,"id":51,"method":"sys.loopback","params":{"echo":true},"bulk":1}"#) + RawSocket.lengthPrefix(1) + [9],
             code: "unauthenticated", id: .number(51)),
        Case(description: "a forged token",
             bytes: frame(#"{"v":1,"id":52,"method":"auth.whoami","token":"eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiJ9.AAAA"}"#),
             code: "unauthenticated", id: .number(52), only: .gateway),
        Case(description: "a token that is not a string", bytes: frame(#"{"v":1,"id":53,"method":"auth.whoami","token":7}"#),
             code: "invalid_argument", id: .number(53), field: "token", only: .gateway),
        Case(description: "an internal method from outside", bytes: frame(#"{"v":1,"id":54,"method":"auth.revocations","params":{"after":0}}"#),
             code: "permission_denied", id: .number(54), only: .gateway),
        Case(description: "bulk bytes for a method that takes none",
             bytes: frame(#"{"v":1,"id":48,"method":"sys.describe","bulk":2}"#) + RawSocket.lengthPrefix(2) + [1, 2],
             code: "invalid_argument", id: .number(48)),
        Case(description: "an expired deadline", bytes: frame(#"{"v":1,"id":49,"method":"sys.health","deadline":1000}"#),
             code: "deadline_exceeded", id: .number(49)),
        Case(description: "a raw frame shorter than announced",
             bytes: frame(#"{"v":1,"id":50,"method":"sys.loopback","params":{"echo":true},"bulk":10}"#) + RawSocket.lengthPrefix(5) + [1, 2, 3, 4, 5],
             code: "invalid_argument", keepsConnection: false),
        Case(description: "a length over the limit", bytes: RawSocket.lengthPrefix(0x7FFF_FFFF) + [0x7B],
             code: "resource_exhausted", keepsConnection: false),
        Case(description: "a zero length", bytes: RawSocket.lengthPrefix(0), code: "invalid_argument", keepsConnection: false),
    ]

    /// Sends every case to `socket` on its own connection and checks the reply, then that the
    /// same connection still works (or was closed, as the case says).
    static func check(socket: String, where label: String, target: Target) throws {
        for bad in cases where bad.only == nil || bad.only == target {
            let connection = try RawSocket(path: socket)
            try connection.send(bad.bytes)
            let reply = try connection.readJSON()
            let error = reply?["error"] as? [String: Any]
            #expect(error?["code"] as? String == bad.code, "\(label): \(bad.description) → \(String(describing: reply))")
            let message = error?["message"] as? String ?? ""
            #expect(!message.isEmpty, "\(label): \(bad.description) has a message")
            switch bad.id {
            case .number(let number): #expect(reply?["id"] as? Int == number, "\(label): \(bad.description) echoes the id")
            case .text(let text): #expect(reply?["id"] as? String == text, "\(label): \(bad.description) echoes the id")
            case .null: #expect(reply?["id"] is NSNull, "\(label): \(bad.description) replies to id null")
            }
            if let field = bad.field {
                let details = error?["details"] as? [String: Any]
                #expect(details?["field"] as? String == field, "\(label): \(bad.description) names the field")
            }
            if bad.keepsConnection {
                try connection.sendFrame(#"{"v":1,"id":99,"method":"sys.health"}"#)
                let next = try connection.readJSON()
                #expect(next?["id"] as? Int == 99 && next?["result"] != nil, "\(label): after \(bad.description) the connection still serves")
            } else {
                #expect(connection.isClosedByPeer(), "\(label): after \(bad.description) the connection is closed")
            }
        }
    }

    /// A peer that leaves mid-frame or mid-request does not disturb the server.
    static func checkPeersThatLeave(socket: String) throws {
        do {
            let cut = try RawSocket(path: socket)
            try cut.send(RawSocket.lengthPrefix(100) + Array(repeating: UInt8(ascii: "{"), count: 10))
        }
        do {
            let impatient = try RawSocket(path: socket)
            try impatient.sendFrame(#"{"v":1,"id":1,"method":"sys.health","params":{"service":"tasks"}}"#)
        }
        let healthy = try RawSocket(path: socket)
        try healthy.sendFrame(#"{"v":1,"id":7,"method":"sys.health"}"#)
        #expect(try healthy.readJSON()?["result"] != nil)
    }

    @Test("Bad input to the gateway and to a service: the right error, and the server keeps serving")
    func badInputGetsTheRightError() async throws {
        let system = try await TestSystem()
        try Self.check(socket: system.gatewaySocket, where: "gateway", target: .gateway)
        try Self.check(socket: system.socket(of: .tasks), where: "tasks", target: .service)
        try Self.checkPeersThatLeave(socket: system.gatewaySocket)
        try Self.checkPeersThatLeave(socket: system.socket(of: .evidence))

        // Many requests in flight on one connection, answered by id.
        let connection = try RawSocket(path: system.gatewaySocket)
        var batch: [UInt8] = []
        for id in 1...50 {
            let service = ServiceName.allCases[id % 4].rawValue
            batch += Self.frame(#"{"v":1,"id":\#(id),"method":"sys.health","params":{"service":"\#(service)"}}"#)
        }
        try connection.send(batch)
        var seen: [Int: String] = [:]
        for _ in 1...50 {
            let reply = try #require(try connection.readJSON())
            let id = try #require(reply["id"] as? Int)
            seen[id] = (reply["result"] as? [String: Any])?["service"] as? String
        }
        #expect(seen.count == 50)
        #expect(seen.allSatisfy { id, service in service == ServiceName.allCases[id % 4].rawValue })

        try await system.waitUntilHealthy(timeout: 5)
        #expect(await system.stop() == 0)
        let oversized = system.supervisor.stderr.components(separatedBy: "\n").filter { $0.contains("exceeds the limit") }
        #expect(oversized.count == 2, "the oversized frame is logged once by each server that saw it")
    }

    @Test("A client that connects and sends nothing is closed after the idle timeout")
    func silentClientIsClosed() async throws {
        let root = try TestSystem.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let service = try await ChildProcess("nq57-metrics", ["--data", root, "--idle-timeout", "0.5", "--log-level", "info"])
        let socket = "\(root)/run/internal/metrics.sock"
        let deadline = Date().addingTimeInterval(20)
        // The socket file appears at bind(), a moment before listen(): connect until it answers.
        var connected: RawSocket?
        while connected == nil, Date() < deadline {
            connected = try? RawSocket(path: socket, timeout: 15)
            if connected == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let silent = try #require(connected)
        let started = Date()
        #expect(silent.isClosedByPeer())
        #expect(Date().timeIntervalSince(started) < 10, "closed by the 0.5 s idle timeout, not by the 15 s read timeout of this socket")

        let other = try RawSocket(path: socket)
        try other.sendFrame(#"{"v":1,"id":1,"method":"sys.health"}"#)
        #expect(try other.readJSON()?["result"] != nil)

        service.signal(SIGTERM)
        #expect(await service.waitForExit() == 0)
        #expect(service.stderr.contains("closing idle connection"))
    }
}
