import Foundation
import JWTKit
import NQ57API

/// What an access token says: who, which session, which roles, until when. Signed ES256 by
/// the auth service; verified by the gateway with the auth service's public key.
public struct AccessClaims: JWTPayload, Equatable {
    /// Always `nq57-auth`.
    public var iss: IssuerClaim
    /// The account id.
    public var sub: SubjectClaim
    /// When the token stops working.
    public var exp: ExpirationClaim
    /// When it was issued.
    public var iat: IssuedAtClaim
    /// The session it belongs to; revoking the session revokes the token.
    public var sid: String
    /// The login name.
    public var usr: String
    /// The account's roles at units when the token was issued (a role change ends the
    /// account's sessions, so a token never outlives the roles it carries by more than the
    /// revocation delay).
    public var grants: [Grant]
    /// Present (true) while the account must change its password (after an admin reset): the
    /// gateway then lets through only `PasswordChangeGate.allowedMethods`.
    public var pwc: Bool?

    /// The issuer every nq57 access token carries.
    public static let issuer = "nq57-auth"

    /// Creates claims.
    public init(account: String, username: String, session: String, grants: [Grant], issuedAt: Date, expiresAt: Date,
                mustChangePassword: Bool = false) {
        self.iss = IssuerClaim(value: Self.issuer)
        self.sub = SubjectClaim(value: account)
        self.exp = ExpirationClaim(value: expiresAt)
        self.iat = IssuedAtClaim(value: issuedAt)
        self.sid = session
        self.usr = username
        self.grants = grants
        self.pwc = mustChangePassword ? true : nil
    }

    /// Checks the issuer; expiry is checked by the verifier against its own clock.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        guard iss.value == Self.issuer else {
            throw JWTError.claimVerificationFailure(failedClaim: iss, reason: "unexpected issuer")
        }
    }

    /// The caller these claims describe.
    public var caller: Caller {
        Caller(account: sub.value, username: usr, session: sid, grants: grants, mustChangePassword: pwc ?? false)
    }
}
