import AuthIdentity
import Foundation
import NQ57Wire

/// Login through the VNeID-style identity provider: verifies the ID token (AuthIdentity,
/// over jwt-kit) and gives back the personal identification number it vouches for.
public struct IdentityLogin: Sendable {
    private let verifier: IdentityTokenVerifier

    /// Trusts ID tokens from `issuer` for `audience`, signed by a key of `jwksJSON`.
    public init(issuer: String, audience: String, jwksJSON: String) async throws {
        verifier = try await IdentityTokenVerifier(
            configuration: IdentityProviderConfiguration(issuer: issuer, audience: audience, jwksJSON: jwksJSON))
    }

    /// The personal number in a valid ID token; one generic refusal for every bad token
    /// (the reason goes in the details, for the log), the number's own problem for a bad number.
    func personalNumber(idToken: String, nonce: String, now: Date) async throws -> (digits: String, expiresAt: Date) {
        do {
            let identity = try await verifier.verify(idToken, nonce: nonce, now: now)
            return (identity.personalNumber.digits, identity.expiresAt)
        } catch {
            throw RPCError(error.personalNumberError == nil ? .unauthenticated : .invalidArgument, error.message,
                           details: ["reason": error.reason.rawValue])
        }
    }

    /// A personal identification number checked digit by digit.
    static func validatedNumber(_ text: String, now: Date) throws -> String {
        do {
            return try PersonalNumber(validating: text, now: now).digits
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": "personalNumber"])
        }
    }
}
