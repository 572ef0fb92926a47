public import Foundation

/// Who an ID token says the person is, once every check has passed.
public struct VerifiedIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The person's personal identification number, validated.
    public let personalNumber: PersonalNumber
    /// The provider's identifier for the person (`sub`).
    public let subject: String
    /// The person's name (`name`), if the token carries it.
    public let name: String?
    /// The issuer that vouched for the person (`iss`).
    public let issuer: String
    /// When the token expires (`exp`).
    public let expiresAt: Date

    /// Creates a verified identity; ``IdentityTokenVerifier`` is the only producer outside tests.
    public init(personalNumber: PersonalNumber, subject: String, name: String?, issuer: String, expiresAt: Date) {
        self.personalNumber = personalNumber
        self.subject = subject
        self.name = name
        self.issuer = issuer
        self.expiresAt = expiresAt
    }

    /// For logs: the masked number, the subject and the issuer (no name, no full number).
    public var description: String {
        "VerifiedIdentity(personalNumber: \(personalNumber.masked), subject: \(subject), issuer: \(issuer))"
    }
}
