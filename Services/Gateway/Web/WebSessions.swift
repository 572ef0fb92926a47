import Foundation
import Logging
import NIOConcurrencyHelpers
import NQ57API
import NQ57Crypto
import NQ57Wire

/// A browser's login, kept by the gateway: the browser holds only an opaque, HttpOnly cookie.
struct WebSession: Sendable {
    var accessToken: String
    var accessExpiresAt: Date
    var refreshToken: String
    var refreshExpiresAt: Date
    var account: AccountSummary
    /// Sent back by the page in `X-CSRF-Token` on every write.
    var csrfToken: String
    /// The auth service's clock minus the gateway's: expiry is judged in the issuer's time.
    var serverOffset: TimeInterval
    /// When the browser's cookie was last set to end (issuer's time), and how long a refresh window lasts.
    var cookieExpiresAt: Date
    var refreshLifetime: TimeInterval

    /// The issuer's time now.
    var serverNow: Date { Date().addingTimeInterval(serverOffset) }

    /// Seconds the browser's cookie should last from now: the refresh window's rest, in the issuer's
    /// time (this machine's clock differs from it under `NQ57_NOW`), at least a minute.
    var cookieLifetime: TimeInterval { max(60, refreshExpiresAt.timeIntervalSince(serverNow)) }
}

/// The gateway's browser sessions, by cookie value. In memory: a gateway restart logs browsers
/// out (the page keeps what the user typed and asks them to log in again).
final class WebSessions: Sendable {
    private let sessions = NIOLockedValueBox([String: WebSession]())
    /// Refreshes under way, one per session: a refresh token is good for one use (a second use
    /// ends the session), so requests that find the access token stale at once share one refresh.
    private let refreshing = NIOLockedValueBox([String: Task<String?, Never>]())
    private let limit: Int
    /// Says why a refresh failed (its code and reason, never a token): a browser logged out by
    /// surprise must be explainable from the gateway's log.
    private let logger: Logger

    init(limit: Int = 50_000, logger: Logger = Logger(label: "nq57.gateway.web-sessions")) {
        self.limit = limit
        self.logger = logger
    }

    /// Stores a new session; returns its cookie value.
    func open(_ login: LoginResult) -> (id: String, session: WebSession) {
        let id = SecureRandom.token(bytes: 32)
        let session = WebSession(accessToken: login.accessToken, accessExpiresAt: login.accessExpiresAt,
                                 refreshToken: login.refreshToken, refreshExpiresAt: login.refreshExpiresAt,
                                 account: login.account, csrfToken: SecureRandom.token(bytes: 24),
                                 serverOffset: login.issuedAt?.timeIntervalSinceNow ?? 0, cookieExpiresAt: login.refreshExpiresAt,
                                 refreshLifetime: login.issuedAt.map { login.refreshExpiresAt.timeIntervalSince($0) } ?? 12 * 3600)
        sessions.withLockedValue { sessions in
            if sessions.count >= limit {
                sessions = sessions.filter { $0.value.refreshExpiresAt > $0.value.serverNow }
            }
            sessions[id] = session
        }
        return (id, session)
    }

    func session(_ id: String) -> WebSession? {
        sessions.withLockedValue { $0[id] }
    }

    /// The seconds a renewed cookie for session `id` should last, when its refresh window has
    /// moved on by more than a tenth of its length since the cookie was set (and notes it set);
    /// nil otherwise. The cookie set at login ended with the first window, so someone working all
    /// day was asked to log in again while the session was alive.
    func cookieRenewal(_ id: String) -> TimeInterval? {
        sessions.withLockedValue { sessions -> TimeInterval? in
            guard var session = sessions[id],
                  session.refreshExpiresAt.timeIntervalSince(session.cookieExpiresAt) > session.refreshLifetime / 10 else { return nil }
            session.cookieExpiresAt = session.refreshExpiresAt
            sessions[id] = session
            return session.cookieLifetime
        }
    }

    /// Replaces the tokens after a refresh.
    func update(_ id: String, with login: LoginResult) {
        sessions.withLockedValue { sessions in
            guard var session = sessions[id] else { return }
            session.accessToken = login.accessToken
            session.accessExpiresAt = login.accessExpiresAt
            session.refreshToken = login.refreshToken
            session.refreshExpiresAt = login.refreshExpiresAt
            session.account = login.account
            session.serverOffset = login.issuedAt?.timeIntervalSinceNow ?? 0
            sessions[id] = session
        }
    }

    /// A fresh access token for session `id`: the current one if it has more than `margin`
    /// seconds left, else the one `renew` gets for the session's refresh token, shared by every
    /// caller that asks meanwhile.
    ///
    /// A refresh the auth service refuses closes the session (nil). One that did not get an
    /// answer (the auth service down, slow or overloaded: `unavailable`, `deadline_exceeded`)
    /// is no verdict on the session: it stays, the current access token is used while it lasts
    /// (the refresh starts `margin` seconds before it ends), and the next request tries again.
    /// Closing it there logged out everyone whose token came due during a moment of load.
    func freshAccessToken(_ id: String, margin: TimeInterval = 30,
                          renew: @escaping @Sendable (String) async throws -> LoginResult) async -> String? {
        // The common case, on every request: the token is fresh, and no task is made.
        guard let session = session(id) else { return nil }
        if session.accessExpiresAt.timeIntervalSince(session.serverNow) > margin, refreshing.withLockedValue({ $0[id] == nil }) {
            return session.accessToken
        }
        let task: Task<String?, Never>? = refreshing.withLockedValue { refreshing in
            if let running = refreshing[id] { return running }
            // Re-read under the lock: a refresh may have finished since the look above.
            guard let session = self.session(id) else { return nil }
            let now = session.serverNow
            if session.accessExpiresAt.timeIntervalSince(now) > margin {
                let token = session.accessToken
                return Task { token }
            }
            guard session.refreshExpiresAt > now else { return nil }
            let refreshToken = session.refreshToken
            let running = Task { [self] () -> String? in
                defer { _ = self.refreshing.withLockedValue { $0.removeValue(forKey: id) } }
                do {
                    let renewed = try await renew(refreshToken)
                    self.update(id, with: renewed)
                    return renewed.accessToken
                } catch let error as RPCError where Self.leavesSessionOpen(error.code) {
                    self.logger.warning("browser session refresh got no answer; session kept",
                                        metadata: ["code": "\(error.code.rawValue)"])
                    return self.session(id)?.accessToken
                } catch {
                    let rpc = error as? RPCError
                    self.logger.warning("browser session refresh refused; session closed",
                                        metadata: ["code": "\(rpc?.code.rawValue ?? "\(type(of: error))")",
                                                   "reason": "\(rpc?.details?["reason"] ?? "")"])
                    self.close(id)
                    return nil
                }
            }
            refreshing[id] = running
            return running
        }
        return await task?.value
    }

    /// Whether a refresh that failed with `code` leaves the session open: the failures that say
    /// nothing about the refresh token.
    static func leavesSessionOpen(_ code: ErrorCode) -> Bool {
        code == .unavailable || code == .deadlineExceeded
    }

    func close(_ id: String) {
        _ = sessions.withLockedValue { $0.removeValue(forKey: id) }
    }
}
