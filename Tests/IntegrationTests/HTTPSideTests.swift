import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57TestSupport
import NQ57Wire
import Testing

/// One bad-input or authorisation case, run against both sides of the gateway.
struct SharedCase: Sendable, CustomStringConvertible {
    enum Who: String, Sendable { case anonymous, staff, head, reviewer, otherStaff }
    var name: String
    var method: String
    /// Params as JSON; `TASK` is replaced by the task's id.
    var params: String
    var who: Who
    /// The wire error code expected, or nil for success.
    var code: ErrorCode?
    var field: String? = nil
    var description: String { name }
}

/// The HTTP side passes the same table of bad-input and authorisation cases as the socket,
/// plus the cases only a browser has: CSRF, a missing cookie, another site's page.
@Suite(.serialized)
struct HTTPSideTests {
    static let password = "mat-khau-thu-nghiem"

    static let cases: [SharedCase] = [
        .init(name: "a read of one's own unit", method: "tasks.list", params: #"{"unitId":"vn-75-25246-pkt"}"#, who: .staff, code: nil),
        .init(name: "progress over 100%", method: "tasks.progress", params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt","percent":130}"#,
              who: .staff, code: .invalidArgument, field: "percent"),
        .init(name: "text where a number goes", method: "tasks.progress",
              params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt","percent":"nhiều"}"#, who: .staff, code: .invalidArgument, field: "percent"),
        .init(name: "a missing field", method: "tasks.progress", params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt"}"#,
              who: .staff, code: .invalidArgument, field: "percent"),
        .init(name: "a write without logging in", method: "tasks.progress",
              params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt","percent":10}"#, who: .anonymous, code: .unauthenticated),
        .init(name: "another commune's unit", method: "tasks.list", params: #"{"unitId":"vn-75-25195"}"#, who: .staff,
              code: .permissionDenied),
        .init(name: "staff submitting (heads only)", method: "tasks.submit", params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt"}"#,
              who: .staff, code: .permissionDenied),
        .init(name: "a head reviewing", method: "tasks.review",
              params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt","decision":"accept"}"#, who: .head, code: .permissionDenied),
        .init(name: "an unknown task", method: "tasks.get", params: #"{"taskId":"task-khong-co","unitId":"vn-75-25246-pkt"}"#,
              who: .staff, code: .notFound),
        .init(name: "an unknown method", method: "tasks.fly", params: "{}", who: .staff, code: .notFound),
        .init(name: "an internal method", method: "auth.audit.append", params: #"{"entries":[]}"#, who: .staff, code: .permissionDenied),
        .init(name: "a KPI with a made-up measure", method: "metrics.indicators.create",
              params: #"{"ownerUnitId":"vn-75-25246","code":"X-1","name":"Chỉ tiêu thử","group":"Chuyển đổi số","measure":"nhiều","direction":"atLeast","rollUp":"sum","frequency":"month","baselineOn":"2026-01-01"}"#,
              who: .reviewer, code: .invalidArgument, field: "measure"),
        .init(name: "a staff member of another commune", method: "tasks.get", params: #"{"taskId":"TASK","unitId":"vn-75-25246-pkt"}"#,
              who: .otherStaff, code: .permissionDenied),
        .init(name: "health without logging in", method: "sys.health", params: "{}", who: .anonymous, code: nil),
    ]

    /// Units, users, a plan and a task; returns the task id and socket tokens by role.
    static func setUp(_ system: TestSystem) async throws -> (task: String, tokens: [SharedCase.Who: String]) {
        let client = system.client
        let admin = try await system.login()
        for unit in [
            AuthUnitsCreate.Params(id: "vn-75", parentId: "vn", kind: .province, code: "75", names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246", parentId: "vn-75", kind: .commune, code: "25246", names: [UnitName(name: "Xã Bình Tân", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25195", parentId: "vn-75", kind: .commune, code: "25195", names: [UnitName(name: "Phường Bình Phước", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246-pkt", parentId: "vn-75-25246", kind: .department, names: [UnitName(name: "Phòng Kinh tế", validFrom: "2025-07-01")]),
        ] {
            _ = try await client.call(AuthUnitsCreate.self, unit, token: admin)
        }
        let users: [(String, Role, String, SharedCase.Who)] = [
            ("cv.pkt", .staff, "vn-75-25246-pkt", .staff), ("tp.pkt", .head, "vn-75-25246-pkt", .head),
            ("vp.binhtan", .reviewer, "vn-75-25246", .reviewer), ("cv.binhphuoc", .staff, "vn-75-25195", .otherStaff),
        ]
        var tokens: [SharedCase.Who: String] = [:]
        for (user, role, unit, who) in users {
            _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: user, displayName: user, unitId: unit, password: password), token: admin)
            _ = try await client.call(AuthUsersGrant.self, GrantParams(username: user, role: role, unitId: unit), token: admin)
            tokens[who] = try await system.login(user, password: password)
        }
        let plan = try await client.call(TasksPlanCreate.self, .init(number: "27-KH/ĐU", title: "Kế hoạch thử", issuingUnitId: "vn-75-25246",
                                                                     issuedOn: "2026-11-01", implements: [],
                                                                     groups: [TaskGroupInfo(code: "II", title: "Hạ tầng số")]), token: tokens[.reviewer])
        let task = try await client.call(TasksCreate.self, .init(planId: plan.id, groupCode: "II", title: "Phủ sóng 4G toàn xã",
                                                                 leadUnitId: "vn-75-25246-pkt", timeText: "Hoàn thành trong tháng 12 năm 2026"),
                                         token: tokens[.reviewer])
        return (task.id, tokens)
    }

    /// Adds "ld.tinh", a steering member at the province (vn-75), to a system `setUp` prepared.
    static func addProvincialLeader(_ system: TestSystem) async throws {
        let admin = try await system.login()
        _ = try await system.client.call(AuthUsersAdd.self, .init(username: "ld.tinh", displayName: "Lãnh đạo tỉnh", unitId: "vn-75",
                                                                  password: password), token: admin)
        _ = try await system.client.call(AuthUsersGrant.self, GrantParams(username: "ld.tinh", role: .steering, unitId: "vn-75"),
                                         token: admin)
    }

    static let usernames: [SharedCase.Who: String] = [.staff: "cv.pkt", .head: "tp.pkt", .reviewer: "vp.binhtan", .otherStaff: "cv.binhphuoc"]

    @Test("The same table of bad input and authorisation gives the same codes on the socket and over HTTP")
    func sharedTable() async throws {
        let system = try await TestSystem()
        let (task, tokens) = try await Self.setUp(system)
        let http = HTTPTestClient(base: try await system.httpAddress())
        var browsers: [SharedCase.Who: [String: String]] = [.anonymous: [:]]
        for (who, username) in Self.usernames {
            let (cookie, csrf) = try await http.login(username, password: Self.password)
            browsers[who] = cookie.merging(["X-CSRF-Token": csrf]) { old, _ in old }
        }
        for entry in Self.cases {
            let params = entry.params.replacingOccurrences(of: "TASK", with: task)
            // The socket.
            var request = RequestEnvelope(id: MessageID(1), method: entry.method, params: .emptyObject, token: tokens[entry.who])
            var socketCode: ErrorCode?
            var socketField: String?
            request.params = try RawJSON(params)
            let socketReply = try await system.client.send(request)
            if case .failure(let error) = socketReply.outcome {
                socketCode = error.code
                socketField = error.details?["field"]
            }
            // HTTP, as a logged-in browser.
            let reply = try await http.post("/api/\(entry.method)", json: params, headers: browsers[entry.who] ?? [:])
            #expect(socketCode == entry.code, "socket: \(entry)")
            #expect(reply.errorCode == entry.code?.rawValue, "http: \(entry): \(reply.status) \(reply.text)")
            let expectedStatus = entry.code.map { HTTPSideTests.status(of: $0) } ?? 200
            #expect(reply.status == expectedStatus, "http status: \(entry)")
            if let field = entry.field {
                #expect(socketField == field, "socket field: \(entry)")
                #expect(reply.errorField == field, "http field: \(entry)")
            }
        }
        #expect(await system.stop() == 0)
    }

    static func status(of code: ErrorCode) -> Int {
        switch code {
        case .invalidArgument: 400
        case .unauthenticated: 401
        case .permissionDenied: 403
        case .notFound: 404
        case .alreadyExists, .failedPrecondition: 409
        case .resourceExhausted: 429
        case .deadlineExceeded: 504
        case .unavailable: 503
        case .internal: 500
        }
    }

    @Test("The session cookie lasts as long as the refresh token, also when NQ57_NOW puts the system's day in the past")
    func cookieLifetimeUnderAnotherDay() async throws {
        // A trial day 13 days and more before this machine's: the cookie's life was once reckoned against this
        // machine's clock, got the 60 s floor, and browsers were logged out a minute after logging in.
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-11-24"])
        _ = try await Self.setUp(system)
        let http = HTTPTestClient(base: try await system.httpAddress())
        let reply = try await http.post("/auth/login", json: #"{"username":"cv.pkt","password":"\#(Self.password)"}"#)
        #expect(reply.status == 200)
        let line = try #require(reply.header("set-cookie"))
        let maxAge = try #require(line.components(separatedBy: "; ").first { $0.lowercased().hasPrefix("max-age=") }.flatMap { Int($0.dropFirst(8)) })
        #expect((12 * 3600 - 300)...(12 * 3600) ~= maxAge, "\(line)")
        #expect(await system.stop() == 0)
    }

    @Test("A browser's writes need the CSRF token; no cookie is 401; another site's page is refused; logout ends the cookie")
    func browserOnlyCases() async throws {
        let system = try await TestSystem()
        let (task, _) = try await Self.setUp(system)
        let http = HTTPTestClient(base: try await system.httpAddress())
        let (cookie, csrf) = try await http.login("cv.pkt", password: Self.password)
        let progress = #"{"taskId":"\#(task)","unitId":"vn-75-25246-pkt","percent":20}"#

        let noToken = try await http.post("/api/tasks.progress", json: progress, headers: cookie)
        #expect(noToken.status == 403 && noToken.errorCode == "permission_denied")
        let wrongToken = try await http.post("/api/tasks.progress", json: progress, headers: cookie.merging(["X-CSRF-Token": "gia-mao"]) { a, _ in a })
        #expect(wrongToken.status == 403)
        // Issue 13: an Authorization header beside the cookie does not excuse the CSRF token.
        for header in ["x", "Bearer gia-mao"] {
            let withHeader = cookie.merging(["Authorization": header]) { a, _ in a }
            let write = try await http.post("/api/tasks.progress", json: progress, headers: withHeader)
            #expect(write.status == 403 && write.errorCode == "permission_denied", "Authorization: \(header)")
            let logout = try await http.post("/auth/logout", json: "{}", headers: withHeader)
            #expect(logout.status == 403, "logout with Authorization: \(header)")
            let upload = try await http.post("/api/evidence/upload?unitId=vn-75-25246-pkt&fileName=a.pdf", json: "%PDF-1.4", headers: withHeader)
            #expect(upload.status == 403, "upload with Authorization: \(header)")
        }
        // A program with a Bearer token alone (no cookie) needs no CSRF token.
        let bearer = try await system.login("cv.pkt", password: Self.password)
        let program = try await http.post("/api/tasks.get", json: #"{"taskId":"\#(task)","unitId":"vn-75-25246-pkt"}"#,
                                          headers: ["Authorization": "Bearer \(bearer)"])
        #expect(program.status == 200)
        let read = try await http.post("/api/tasks.get", json: #"{"taskId":"\#(task)","unitId":"vn-75-25246-pkt"}"#, headers: cookie)
        #expect(read.status == 200, "a read needs no CSRF token")
        #expect((read.json?["result"] as? [String: Any])?["percent"] as? Int == 0, "the refused writes changed nothing")
        let good = try await http.post("/api/tasks.progress", json: progress, headers: cookie.merging(["X-CSRF-Token": csrf]) { a, _ in a })
        #expect(good.status == 200)

        let notJSON = try await http.post("/api/tasks.list", json: #"{"unitId": "#, headers: cookie)
        #expect(notJSON.status == 400 && notJSON.errorCode == "invalid_argument")

        let noCookie = try await http.post("/api/tasks.progress", json: progress, headers: ["X-CSRF-Token": csrf])
        #expect(noCookie.status == 401 && noCookie.errorCode == "unauthenticated")
        let forged = try await http.post("/api/tasks.progress", json: progress,
                                         headers: cookie.merging(["X-CSRF-Token": csrf, "Origin": "http://trang-gia-mao.example"]) { a, _ in a })
        #expect(forged.status == 403)

        // What the plans publish, without logging in: plans, tasks and where they stand; no notes, no people.
        let published = try await http.post("/api/tasks.public", json: #"{"unitId":"vn-75"}"#)
        #expect(published.status == 200)
        let plans = try #require((published.json?["result"] as? [String: Any])?["plans"] as? [[String: Any]])
        #expect(plans.first?["number"] as? String == "27-KH/ĐU")
        let publicTask = try #require((plans.first?["tasks"] as? [[String: Any]])?.first)
        #expect(publicTask["state"] as? String == "inProgress" && publicTask["leadUnitId"] as? String == "vn-75-25246-pkt")
        #expect(!published.text.contains("cv.pkt"), "no usernames in what is published")
        let publicKPIs = try await http.post("/api/metrics.public", json: #"{"unitId":"vn-75"}"#)
        #expect(publicKPIs.status == 200)

        let page = try await http.send("GET", "/")
        #expect(page.status == 200)
        let policy = try #require(page.header("content-security-policy"))
        #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
        #expect(page.header("x-frame-options") == "DENY")

        let session = try await http.send("GET", "/auth/session", headers: cookie)
        #expect(session.status == 200)
        let logoutWithoutToken = try await http.post("/auth/logout", json: "{}", headers: cookie)
        #expect(logoutWithoutToken.status == 403)
        let logout = try await http.post("/auth/logout", json: "{}", headers: cookie.merging(["X-CSRF-Token": csrf]) { a, _ in a })
        #expect(logout.status == 204)
        let after = try await http.send("GET", "/auth/session", headers: cookie)
        #expect(after.status == 401)
        #expect(await system.stop() == 0)
    }

    @Test("Evidence streams in over HTTP and comes back byte for byte, shown inline and framable only by the site")
    func evidenceOverHTTP() async throws {
        let system = try await TestSystem()
        _ = try await Self.setUp(system)
        let http = HTTPTestClient(base: try await system.httpAddress())
        let (cookie, csrf) = try await http.login("cv.pkt", password: Self.password)
        var bytes = Array("%PDF-1.7\n% biên bản nghiệm thu\n".utf8)
        bytes += (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 3) }
        let expected = bytes.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString
        let name = "Biên bản nghiệm thu.pdf".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let upload = try await http.send("POST", "/api/evidence/upload?unitId=vn-75-25246-pkt&fileName=\(name)", body: Data(bytes),
                                         headers: cookie.merging(["X-CSRF-Token": csrf, "Content-Type": "application/pdf"]) { a, _ in a })
        #expect(upload.status == 200, "\(upload.text)")
        let file = try #require(upload.json?["result"] as? [String: Any])
        #expect(file["sha256"] as? String == expected)
        #expect(file["mediaType"] as? String == "application/pdf")
        let id = try #require(file["id"] as? String)
        let unsafe = try await http.send("POST", "/api/evidence/upload?unitId=vn-75-25246-pkt&fileName=x.pdf", body: Data(bytes), headers: cookie)
        #expect(unsafe.status == 403, "an upload needs the CSRF token too")

        let download = try await http.send("GET", "/files/\(id)?unitId=vn-75-25246-pkt", headers: cookie)
        #expect(download.status == 200)
        #expect(download.body.count == bytes.count)
        #expect(download.body.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString == expected)
        #expect(download.header("content-type") == "application/pdf")
        #expect(download.header("content-disposition")?.hasPrefix("inline;") == true)
        #expect(download.header("x-frame-options") == "SAMEORIGIN")
        let anonymous = try await http.send("GET", "/files/\(id)?unitId=vn-75-25246-pkt")
        #expect(anonymous.status == 401)
        #expect(await system.stop() == 0)
    }
}
