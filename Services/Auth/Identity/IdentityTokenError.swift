/// Why an ID token was refused.
///
/// The person sees one generic ``message`` whatever went wrong, so that a refusal tells an
/// attacker nothing; the ``reason`` is for logs. The exception is a personal number that fails
/// validation in a token whose signature and claims were all good: that concerns the person's
/// own number, so its specific message is shown.
public struct IdentityTokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, for programs and logs.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Not a compact JWS: not three parts, bad base64url, bad JSON, or too long.
        case malformedToken
        /// The `alg` header is missing, not allowed (`none`, HS256, …), or not the one pinned for the key.
        case algorithmNotAllowed
        /// The `kid` header is missing or names no usable key of the provider.
        case unknownKey
        /// The header lists critical extensions (`crit`), none of which this verifier understands.
        case unsupportedCriticalHeader
        /// The signature does not verify with the provider's key.
        case invalidSignature
        /// `iss` is missing or not exactly the configured issuer.
        case issuerMismatch
        /// `aud` is missing or does not contain the configured audience.
        case audienceMismatch
        /// `azp` is present and is not the configured audience.
        case authorizedPartyMismatch
        /// `exp` is missing.
        case missingExpiration
        /// `exp` has passed (beyond the leeway).
        case expired
        /// `nbf` is in the future (beyond the leeway).
        case notYetValid
        /// `iat` is missing.
        case missingIssuedAt
        /// `iat` is in the future (beyond the leeway).
        case issuedInFuture
        /// `sub` is missing or empty.
        case missingSubject
        /// `nonce` is missing.
        case missingNonce
        /// `nonce` is not the expected one (or the expected one is empty).
        case nonceMismatch
        /// The personal number claim is missing.
        case missingPersonalNumber
        /// The personal number claim is not a valid personal identification number.
        case invalidPersonalNumber
    }

    /// The one message a person sees for any refusal that is not about their own number.
    public static let genericMessage = "Không xác thực được danh tính qua VNeID; hãy đăng nhập lại."

    /// What was wrong, for programs and logs.
    public let reason: Reason

    /// For ``Reason/invalidPersonalNumber`` with a string claim, what is wrong with the number.
    public let personalNumberError: PersonalNumberError?

    /// Creates an error for a reason.
    public init(_ reason: Reason, personalNumberError: PersonalNumberError? = nil) {
        self.reason = reason
        self.personalNumberError = personalNumberError
    }

    /// The sentence for the person, in Vietnamese: ``genericMessage``, or the personal number's
    /// own message when the number itself is what is wrong.
    public var message: String {
        personalNumberError?.message ?? Self.genericMessage
    }

    /// For logs: the reason, and what is wrong with the personal number if that is the reason.
    /// It never contains the token, the nonce or the number.
    public var description: String {
        if let personalNumberError {
            "identity token refused: \(reason.rawValue) (\(personalNumberError.reason.code))"
        } else {
            "identity token refused: \(reason.rawValue)"
        }
    }
}
