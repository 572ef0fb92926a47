import Foundation
import NQ57Wire

/// Login through the VNeID-style identity provider: verifies the ID token and gives back
/// the personal identification number it vouches for.
public struct IdentityLogin: Sendable {
    private let verifier: IdentityProviderVerifier

    /// Trusts ID tokens from `issuer` for `audience`, signed by a key of `jwksJSON`.
    public init(issuer: String, audience: String, jwksJSON: String) async throws {
        verifier = try await IdentityProviderVerifier(
            configuration: .init(issuer: issuer, audience: audience, jwksJSON: jwksJSON))
    }

    /// The personal number in a valid ID token; one generic refusal for every bad token.
    func personalNumber(idToken: String, nonce: String, now: Date) async throws -> String {
        do {
            return try await verifier.verify(idToken, nonce: nonce, now: now).digits
        } catch {
            throw RPCError(error.reason == .invalidNumber ? .invalidArgument : .unauthenticated, error.message,
                           details: ["reason": error.reason.rawValue])
        }
    }

    /// A personal identification number checked digit by digit.
    static func validatedNumber(_ text: String, now: Date) throws -> String {
        do {
            return try PersonalIdentityNumber(validating: text, now: now).digits
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": "personalNumber"])
        }
    }
}
