import Foundation
@testable import GatewayWeb
import NQ57API
import NQ57Wire
import Testing

/// A browser session whose access token comes due: closed when the auth service refuses the
/// refresh token, kept when it could not answer (its sharing of one refresh among requests is
/// tested through the gateway: "Twenty requests at once with a stale access token").
@Suite("Web session refresh")
struct WebSessionRefreshTests {
    static let account = AccountSummary(id: "acc-1", username: "cb.xa", displayName: "Cán bộ xã", unitId: "vn-75-25246",
                                        grants: [], hasIdentity: false, lockedUntil: nil)

    /// A login whose access token has `seconds` left.
    static func login(_ access: String, seconds: TimeInterval, refresh: String = "refresh-1") -> LoginResult {
        LoginResult(accessToken: access, accessExpiresAt: Date().addingTimeInterval(seconds), refreshToken: refresh,
                    refreshExpiresAt: Date().addingTimeInterval(3600), account: account, issuedAt: Date())
    }

    @Test("Auth down or too slow to answer (unavailable, deadline_exceeded): the session stays, the token in hand is used, the next request refreshes",
          arguments: [ErrorCode.unavailable, .deadlineExceeded])
    func transientFailureKeepsSession(code: ErrorCode) async throws {
        let sessions = WebSessions()
        let (id, _) = sessions.open(Self.login("access-1", seconds: 10))
        let token = await sessions.freshAccessToken(id) { _ in throw RPCError(code, "auth busy") }
        #expect(token == "access-1")
        #expect(sessions.session(id) != nil)

        let renewed = await sessions.freshAccessToken(id) { refresh in
            #expect(refresh == "refresh-1", "the refresh token was kept for the retry")
            return Self.login("access-2", seconds: 300, refresh: "refresh-2")
        }
        #expect(renewed == "access-2")
        #expect(sessions.session(id)?.refreshToken == "refresh-2")
    }

    @Test("The refresh token refused (unauthenticated, or anything else that is an answer): the session is closed",
          arguments: [ErrorCode.unauthenticated, .permissionDenied, .invalidArgument])
    func refusalClosesSession(code: ErrorCode) async throws {
        let sessions = WebSessions()
        let (id, _) = sessions.open(Self.login("access-1", seconds: 10))
        let token = await sessions.freshAccessToken(id) { _ in throw RPCError(code, "refused") }
        #expect(token == nil)
        #expect(sessions.session(id) == nil)
    }
}
