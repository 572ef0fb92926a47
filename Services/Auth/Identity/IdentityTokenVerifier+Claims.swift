import Foundation
internal import JWTKit
import NQ57Crypto

extension IdentityTokenVerifier {
    /// Checks the claims of a token whose signature jwt-kit has verified, in this order: `iss`
    /// exactly the issuer; `aud` containing the audience; `azp`, if present, the audience; `exp`
    /// present and not passed, `nbf` (if present) and `iat` (required) not in the future, all
    /// with the configured leeway; `sub` present; `nonce` equal to the expected one (compared in
    /// constant time); and the personal number claim a valid ``PersonalNumber``.
    func checkClaims(_ claims: IdentityTokenClaims, nonce expectedNonce: String, now: Date) throws(IdentityTokenError) -> VerifiedIdentity {
        guard let issuer = claims.issuer, issuer == configuration.issuer else {
            throw IdentityTokenError(.issuerMismatch)
        }
        guard let audience = claims.audience, audience.value.contains(configuration.audience) else {
            throw IdentityTokenError(.audienceMismatch)
        }
        if claims.names.contains("azp"), claims.authorizedParty != configuration.audience {
            throw IdentityTokenError(.authorizedPartyMismatch)
        }

        let leeway = configuration.clockLeeway
        guard let expiration = claims.expiration else { throw IdentityTokenError(.missingExpiration) }
        do {
            try expiration.verifyNotExpired(currentDate: now.addingTimeInterval(-leeway))
        } catch {
            throw IdentityTokenError(.expired)
        }
        if let notBefore = claims.notBefore {
            guard notBefore.value <= now.addingTimeInterval(leeway) else { throw IdentityTokenError(.notYetValid) }
        }
        guard let issuedAt = claims.issuedAt else { throw IdentityTokenError(.missingIssuedAt) }
        guard issuedAt.value <= now.addingTimeInterval(leeway) else { throw IdentityTokenError(.issuedInFuture) }

        guard let subject = claims.subject, !subject.isEmpty else { throw IdentityTokenError(.missingSubject) }

        guard let nonce = claims.nonce else { throw IdentityTokenError(.missingNonce) }
        guard !expectedNonce.isEmpty, ConstantTime.equals(Array(nonce.utf8), Array(expectedNonce.utf8)) else {
            throw IdentityTokenError(.nonceMismatch)
        }

        let claimName = configuration.personalNumberClaim
        guard claims.names.contains(claimName) else { throw IdentityTokenError(.missingPersonalNumber) }
        guard let text = claims.strings[claimName] else { throw IdentityTokenError(.invalidPersonalNumber) }
        let personalNumber: PersonalNumber
        do {
            personalNumber = try PersonalNumber(validating: text, now: now)
        } catch {
            throw IdentityTokenError(.invalidPersonalNumber, personalNumberError: error)
        }

        return VerifiedIdentity(
            personalNumber: personalNumber,
            subject: subject,
            name: claims.name,
            issuer: issuer,
            expiresAt: expiration.value
        )
    }
}
