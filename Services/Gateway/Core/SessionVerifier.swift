import Foundation
import Logging
import NIOConcurrencyHelpers
import NQ57API
import NQ57Runtime
import NQ57Tokens
import NQ57Wire

/// What the gateway knows of sessions: the auth service's public key, the sessions revoked
/// so far, and the tokens it has verified. A revoked session is refused on the next call
/// whatever the cache holds; if the revocation feed goes quiet for longer than
/// `maxStaleness`, authenticated calls are refused (`unavailable`) rather than trusted.
public final class SessionVerifier: Sendable {
    private struct State {
        var verifier: AccessTokenVerifier?
        var revoked: Set<String> = []
        var lastSeq: Int64 = 0
        var lastFresh: Date?
        var cache: [String: Verified] = [:]
    }

    /// A verified token: its claims, and the caller they describe, encoded once.
    struct Verified {
        var claims: AccessClaims
        var caller: Caller
        var callerJSON: RawJSON?
    }

    private let state = NIOLockedValueBox(State())
    private let clock: NQ57Clock
    /// How old the revocation feed may be before authenticated calls are refused.
    public let maxStaleness: TimeInterval
    private static let cacheLimit = 20_000

    /// Creates an empty verifier; `refresh(from:)` fills it.
    public init(clock: NQ57Clock = .system, maxStaleness: TimeInterval = 4) {
        self.clock = clock
        self.maxStaleness = maxStaleness
    }

    /// Fetches the public key (once) and the revocations since the last look.
    public func refresh(from auth: RPCClient) async throws {
        if state.withLockedValue({ $0.verifier == nil }) {
            let keys = try await auth.call(AuthKeys.self, Empty(), timeout: .seconds(2))
            let verifier = try await AccessTokenVerifier(publicKeyPEM: keys.publicKeyPEM)
            state.withLockedValue { $0.verifier = verifier }
        }
        let after = state.withLockedValue { $0.lastSeq }
        // The answer holds every revocation made before the call began, not necessarily those made while it
        // travelled: the feed is as fresh as the moment it was asked. Dated at its arrival, an answer slowed by a
        // loaded machine made old news look new, and a revoked token lived past the 5 s allowed (5.9 s in a full
        // test run).
        let asked = clock.now
        let news = try await auth.call(AuthRevocations.self, AuthRevocations.Params(after: after), timeout: .seconds(2))
        state.withLockedValue { state in
            for session in news.sessions { state.revoked.insert(session) }
            if !news.sessions.isEmpty {
                state.cache = state.cache.filter { !news.sessions.contains($0.value.claims.sid) }
            }
            state.lastSeq = news.last
            state.lastFresh = asked
        }
    }

    /// The caller for a token from the cache alone, or nil when it must be verified first.
    /// Throws when the token is known to be bad or sessions cannot be vouched for now.
    public func cachedCaller(for token: String) throws(RPCError) -> Admission? {
        let now = clock.now
        // Every call with a token comes here: one short lock for all it needs to know.
        let (ready, lastFresh, hit, revoked) = state.withLockedValue { state -> (Bool, Date?, Verified?, Bool) in
            let hit = state.cache[token]
            return (state.verifier != nil, state.lastFresh, hit, hit.map { state.revoked.contains($0.claims.sid) } ?? false)
        }
        try Self.checkFresh(ready: ready, lastFresh: lastFresh, now: now, maxStaleness: maxStaleness)
        guard let hit else { return nil }
        try Self.check(hit.claims, revoked: revoked, now: now)
        return Admission(caller: hit.caller, callerJSON: hit.callerJSON)
    }

    /// Whether sessions can be vouched for now (the key is loaded and the revocation feed is fresh).
    public var isReady: Bool {
        let now = clock.now
        let (ready, lastFresh) = state.withLockedValue { ($0.verifier != nil, $0.lastFresh) }
        return (try? Self.checkFresh(ready: ready, lastFresh: lastFresh, now: now, maxStaleness: maxStaleness)) != nil
    }

    /// The caller for a token: verified (signature, issuer, expiry) and not revoked.
    public func caller(for token: String) async throws(RPCError) -> Admission {
        if let cached = try cachedCaller(for: token) { return cached }
        guard let verifier = state.withLockedValue({ $0.verifier }) else { throw Self.notReady }
        let now = clock.now
        let claims: AccessClaims
        do {
            claims = try await verifier.verify(token, now: now)
        } catch {
            throw RPCError(.unauthenticated, "Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.")
        }
        try Self.check(claims, revoked: state.withLockedValue { $0.revoked.contains(claims.sid) }, now: now)
        let caller = claims.caller
        let verified = Verified(claims: claims, caller: caller, callerJSON: try? RawJSON.encode(caller))
        state.withLockedValue { state in
            if state.cache.count >= Self.cacheLimit { state.cache.removeAll(keepingCapacity: true) }
            state.cache[token] = verified
        }
        return Admission(caller: caller, callerJSON: verified.callerJSON)
    }

    private static func check(_ claims: AccessClaims, revoked: Bool, now: Date) throws(RPCError) {
        guard now < claims.exp.value else {
            throw RPCError(.unauthenticated, "Mã truy cập đã hết hạn; hãy làm mới hoặc đăng nhập lại.")
        }
        guard !revoked else {
            throw RPCError(.unauthenticated, "Phiên đăng nhập đã kết thúc; hãy đăng nhập lại.")
        }
    }

    private static func checkFresh(ready: Bool, lastFresh: Date?, now: Date, maxStaleness: TimeInterval) throws(RPCError) {
        guard ready, let fresh = lastFresh else { throw notReady }
        guard now.timeIntervalSince(fresh) <= maxStaleness else {
            throw RPCError(.unavailable, "Chưa xác minh được phiên đăng nhập vì dịch vụ xác thực không trả lời; hãy thử lại sau.",
                           details: ["service": "auth"])
        }
    }

    private static let notReady = RPCError(.unavailable, "Dịch vụ xác thực chưa sẵn sàng; hãy thử lại sau giây lát.",
                                           details: ["service": "auth"])
}
