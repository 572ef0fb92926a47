public import Foundation

/// What an identity provider's ID tokens must look like for this application to accept them.
public struct IdentityProviderConfiguration: Sendable, Equatable {
    /// The algorithms accepted unless configured otherwise: RS256 and ES256.
    public static let defaultAllowedAlgorithms: Set<IdentityTokenAlgorithm> = [.rs256, .es256]

    /// The default clock leeway: 60 seconds.
    public static let defaultClockLeeway: TimeInterval = 60

    /// The default name of the claim carrying the personal identification number.
    public static let defaultPersonalNumberClaim = "SoDinhDanh"

    /// The provider's issuer identifier; a token's `iss` must equal it exactly.
    public var issuer: String

    /// This application's client id; a token's `aud` must contain it.
    public var audience: String

    /// The JSON text of the provider's JSON Web Key Set (`{"keys":[…]}`).
    public var jwksJSON: String

    /// The signature algorithms accepted; every other one (including `none` and HS256) is refused.
    public var allowedAlgorithms: Set<IdentityTokenAlgorithm>

    /// How far clocks may disagree, in seconds, when checking `exp`, `nbf` and `iat`.
    public var clockLeeway: TimeInterval

    /// The name of the claim that carries the 12-digit personal identification number.
    public var personalNumberClaim: String

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - issuer: the provider's issuer identifier, compared exactly with `iss`.
    ///   - audience: this application's client id, which `aud` must contain.
    ///   - jwksJSON: the JSON text of the provider's key set.
    ///   - allowedAlgorithms: the accepted algorithms; RS256 and ES256 by default.
    ///   - clockLeeway: the clock leeway in seconds; 60 by default.
    ///   - personalNumberClaim: the claim with the personal number; "SoDinhDanh" by default.
    public init(
        issuer: String,
        audience: String,
        jwksJSON: String,
        allowedAlgorithms: Set<IdentityTokenAlgorithm> = defaultAllowedAlgorithms,
        clockLeeway: TimeInterval = defaultClockLeeway,
        personalNumberClaim: String = defaultPersonalNumberClaim
    ) {
        self.issuer = issuer
        self.audience = audience
        self.jwksJSON = jwksJSON
        self.allowedAlgorithms = allowedAlgorithms
        self.clockLeeway = clockLeeway
        self.personalNumberClaim = personalNumberClaim
    }
}
