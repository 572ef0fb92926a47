import Foundation
import JWTKit
import Testing

@testable import AuthIdentity

/// One test per way a token must be refused. Each also checks that the person is shown only
/// the generic message, so that the refusal tells an attacker nothing.
@Suite("IdentityTokenVerifier refuses bad tokens")
struct IdentityTokenRejectionTests {
    let provider = TestIdentityProvider.shared
    let now = TestClaims.now

    /// Verifies `token` and expects a refusal for `reason` with the generic message.
    func expectRefusal(
        _ token: String, _ reason: IdentityTokenError.Reason, nonce: String = TestClaims.nonce,
        verifier: IdentityTokenVerifier? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let verifier = if let verifier { verifier } else { try await provider.verifier() }
        do {
            let identity = try await verifier.verify(token, nonce: nonce, now: now)
            Issue.record("accepted a token that must be refused (\(reason)): \(identity)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == reason, sourceLocation: sourceLocation)
            if reason != .invalidPersonalNumber {
                #expect(error.message == IdentityTokenError.genericMessage, sourceLocation: sourceLocation)
            }
        }
    }

    /// Good claims with one change.
    func claims(_ change: (inout TestClaims) -> Void) -> TestClaims {
        var claims = TestClaims()
        change(&claims)
        return claims
    }

    // MARK: Algorithm

    @Test("alg none: an unsigned token, with the kid of a real key or without kid")
    func refusesUnsignedToken() async throws {
        for alg in ["none", "None", "NONE", "nOnE"] {
            try await expectRefusal(try ForgedTokens.unsigned(TestClaims(), alg: alg, kid: TestIdentityProvider.rsaKid), .algorithmNotAllowed)
            try await expectRefusal(try ForgedTokens.unsigned(TestClaims(), alg: alg, kid: TestIdentityProvider.ecKid), .algorithmNotAllowed)
            try await expectRefusal(try ForgedTokens.unsigned(TestClaims(), alg: alg), .algorithmNotAllowed)
        }
    }

    @Test("an unsigned token that claims RS256 but has no signature")
    func refusesEmptySignature() async throws {
        let header = #"{"alg":"RS256","typ":"JWT","kid":"\#(TestIdentityProvider.rsaKid)"}"#
        try await expectRefusal(ForgedTokens.compact(header: header, payload: try TestClaims().json()), .invalidSignature)
    }

    @Test("HS256 with the provider's public key as the HMAC secret (algorithm confusion)")
    func refusesAlgorithmConfusion() async throws {
        for (_, secret) in try ForgedTokens.publicKeySecrets(of: provider) {
            for kid in [TestIdentityProvider.rsaKid, TestIdentityProvider.ecKid, nil] {
                let token = try ForgedTokens.hs256(TestClaims(), secret: secret, kid: kid)
                try await expectRefusal(token, .algorithmNotAllowed)
            }
        }
    }

    @Test("a token whose alg is allowed but not the one its key is pinned to")
    func refusesAlgorithmKeyMismatch() async throws {
        // An ES256 token that names the RSA key.
        let ecForRSA = try await TestIdentityProvider.sign(TestClaims(), ec: provider.ec, kid: TestIdentityProvider.rsaKid)
        try await expectRefusal(ecForRSA, .algorithmNotAllowed)
        // An RS256 token that names the EC key.
        let rsaForEC = try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: TestIdentityProvider.ecKid)
        try await expectRefusal(rsaForEC, .algorithmNotAllowed)
    }

    @Test("algorithms outside the allowed set (RS384, RS512, PS256) even with the right key")
    func refusesAlgorithmsNotAllowed() async throws {
        let kid = TestIdentityProvider.rsaKid
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: kid, digest: .sha384), .algorithmNotAllowed)
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: kid, digest: .sha512), .algorithmNotAllowed)
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: kid, pss: true), .algorithmNotAllowed)
    }

    @Test("an ES256-only configuration refuses RS256")
    func refusesRS256WhenOnlyES256Allowed() async throws {
        let verifier = try await IdentityTokenVerifier(configuration: provider.configuration(allowedAlgorithms: [.es256]))
        #expect(verifier.keyIdentifiers == [TestIdentityProvider.ecKid])
        try await expectRefusal(try await provider.rs256(), .algorithmNotAllowed, verifier: verifier)
        _ = try await verifier.verify(try await provider.es256(), nonce: TestClaims.nonce, now: now)
    }

    @Test("a header without alg")
    func refusesMissingAlgorithm() async throws {
        let header = #"{"typ":"JWT","kid":"\#(TestIdentityProvider.rsaKid)"}"#
        try await expectRefusal(ForgedTokens.compact(header: header, payload: try TestClaims().json(), signature: [1, 2, 3]), .algorithmNotAllowed)
    }

    // MARK: Key

    @Test("a token signed by a key that is not in the JWKS, under an unknown kid")
    func refusesUnknownKid() async throws {
        let stranger = try TestIdentityProvider.generateRSAKey()
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), rsa: stranger, kid: "rsa-attacker"), .unknownKey)
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), ec: ES256PrivateKey(), kid: "ec-attacker"), .unknownKey)
    }

    @Test("a token without kid, even when signed with the provider's own key")
    func refusesMissingKid() async throws {
        try await expectRefusal(try await provider.rs256(kid: nil), .unknownKey)
        try await expectRefusal(try await provider.es256(kid: nil), .unknownKey)
    }

    @Test("a token with the right kid but signed by another key")
    func refusesRightKidWrongKey() async throws {
        let stranger = try TestIdentityProvider.generateRSAKey()
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), rsa: stranger, kid: TestIdentityProvider.rsaKid), .invalidSignature)
        try await expectRefusal(try await TestIdentityProvider.sign(TestClaims(), ec: ES256PrivateKey(), kid: TestIdentityProvider.ecKid), .invalidSignature)
    }

    @Test("a genuine token whose payload was changed afterwards")
    func refusesTamperedPayload() async throws {
        let genuine = try await provider.rs256()
        let tampered = try ForgedTokens.replacingPayload(of: genuine, with: claims { $0.personalNumber = "001095000123" })
        try await expectRefusal(tampered, .invalidSignature)
        let genuineEC = try await provider.es256()
        try await expectRefusal(try ForgedTokens.replacingPayload(of: genuineEC, with: claims { $0.sub = "someone-else" }), .invalidSignature)
    }

    @Test("a header with critical extensions")
    func refusesCriticalHeader() async throws {
        var header = JWTHeader()
        header.crit = ["exp"]
        let token = try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: TestIdentityProvider.rsaKid, header: header)
        try await expectRefusal(token, .unsupportedCriticalHeader)
    }

    // MARK: Issuer and audience

    @Test("a token from another issuer, or with an issuer that differs only slightly")
    func refusesOtherIssuer() async throws {
        for issuer in ["https://evil.example", "https://vneid.test.gov.vn/", "HTTPS://VNEID.TEST.GOV.VN", " https://vneid.test.gov.vn"] {
            try await expectRefusal(try await provider.rs256(claims { $0.iss = issuer }), .issuerMismatch)
        }
        try await expectRefusal(try await provider.rs256(claims { $0.iss = nil }), .issuerMismatch)
    }

    @Test("a token for another audience, as a string, as an array, or with no aud")
    func refusesWrongAudience() async throws {
        try await expectRefusal(try await provider.rs256(claims { $0.audString = "other-client" }), .audienceMismatch)
        try await expectRefusal(try await provider.es256(claims { $0.aud = ["other-client", "third-client"] }), .audienceMismatch)
        try await expectRefusal(try await provider.rs256(claims { $0.aud = [] }), .audienceMismatch)
        try await expectRefusal(try await provider.rs256(claims { $0.aud = nil }), .audienceMismatch)
    }

    @Test("a token presented by another client (azp)")
    func refusesOtherAuthorizedParty() async throws {
        let token = try await provider.rs256(claims {
            $0.aud = [TestIdentityProvider.audience, "other-client"]
            $0.azp = "other-client"
        })
        try await expectRefusal(token, .authorizedPartyMismatch)
    }

    // MARK: Time

    @Test("an expired token (beyond the leeway), and one without exp")
    func refusesExpired() async throws {
        try await expectRefusal(try await provider.rs256(claims { $0.exp = now.timeIntervalSince1970 - 61 }), .expired)
        try await expectRefusal(try await provider.rs256(claims { $0.exp = now.timeIntervalSince1970 - 3600 }), .expired)
        try await expectRefusal(try await provider.rs256(claims { $0.exp = nil }), .missingExpiration)
    }

    @Test("a token not yet valid (nbf beyond the leeway)")
    func refusesNotYetValid() async throws {
        try await expectRefusal(try await provider.rs256(claims { $0.nbf = now.timeIntervalSince1970 + 61 }), .notYetValid)
    }

    @Test("a token issued in the future (iat beyond the leeway), and one without iat")
    func refusesIssuedInFuture() async throws {
        try await expectRefusal(try await provider.es256(claims { $0.iat = now.timeIntervalSince1970 + 61 }), .issuedInFuture)
        try await expectRefusal(try await provider.es256(claims { $0.iat = nil }), .missingIssuedAt)
    }

    @Test("a configured leeway of zero is strict")
    func zeroLeeway() async throws {
        var configuration = try provider.configuration()
        configuration.clockLeeway = 0
        let verifier = try await IdentityTokenVerifier(configuration: configuration)
        try await expectRefusal(try await provider.rs256(claims { $0.exp = now.timeIntervalSince1970 - 1 }), .expired, verifier: verifier)
        try await expectRefusal(try await provider.rs256(claims { $0.iat = now.timeIntervalSince1970 + 1 }), .issuedInFuture, verifier: verifier)
    }

    // MARK: Subject and nonce

    @Test("a token without sub")
    func refusesMissingSubject() async throws {
        try await expectRefusal(try await provider.rs256(claims { $0.sub = nil }), .missingSubject)
        try await expectRefusal(try await provider.rs256(claims { $0.sub = "" }), .missingSubject)
    }

    @Test("a wrong nonce (replay of a token from another login)")
    func refusesWrongNonce() async throws {
        let token = try await provider.rs256()
        try await expectRefusal(token, .nonceMismatch, nonce: "another-login-nonce")
        try await expectRefusal(token, .nonceMismatch, nonce: TestClaims.nonce + "x")
        try await expectRefusal(token, .nonceMismatch, nonce: String(TestClaims.nonce.dropLast()))
        try await expectRefusal(token, .nonceMismatch, nonce: "")
        try await expectRefusal(try await provider.rs256(claims { $0.nonce = "" }), .nonceMismatch, nonce: "")
    }

    @Test("a token without nonce")
    func refusesMissingNonce() async throws {
        try await expectRefusal(try await provider.rs256(claims { $0.nonce = nil }), .missingNonce)
    }

    // MARK: Personal number

    @Test("a token without the personal number claim")
    func refusesMissingPersonalNumber() async throws {
        try await expectRefusal(try await provider.rs256(claims { $0.personalNumber = nil }), .missingPersonalNumber)
    }

    @Test("a token whose personal number is invalid carries the number's own message")
    func refusesInvalidPersonalNumber() async throws {
        let verifier = try await provider.verifier()
        let cases: [(String, PersonalNumberError.Reason)] = [
            ("099204012345", .unknownProvince("099")),
            ("07520401234", .wrongLength),
            ("07520401234A", .notDigits),
            ("075230012345", .birthYearInFuture(2030)),
        ]
        for (number, reason) in cases {
            let token = try await provider.rs256(claims { $0.personalNumber = number })
            let error = await #expect(throws: IdentityTokenError.self) {
                try await verifier.verify(token, nonce: TestClaims.nonce, now: now)
            }
            #expect(error?.reason == .invalidPersonalNumber)
            #expect(error?.personalNumberError == PersonalNumberError(reason))
            #expect(error?.message == PersonalNumberError(reason).message)
            #expect(error.map { !"\($0)".contains(number) } ?? false)
        }
    }

    @Test("a personal number sent as a JSON number (leading zero lost) is refused generically")
    func refusesNumericPersonalNumber() async throws {
        let token = try await provider.rs256(claims { $0.personalNumberAsNumber = 75_204_012_345 })
        try await expectRefusal(token, .invalidPersonalNumber)
        let verifier = try await provider.verifier()
        let error = await #expect(throws: IdentityTokenError.self) {
            try await verifier.verify(token, nonce: TestClaims.nonce, now: now)
        }
        #expect(error?.message == IdentityTokenError.genericMessage)
    }

    // MARK: Malformed

    @Test("malformed tokens: not three parts, bad base64url, bad JSON, too long")
    func refusesMalformed() async throws {
        let goodHeader = Base64URL.encode(#"{"alg":"RS256","kid":"\#(TestIdentityProvider.rsaKid)"}"#)
        let goodPayload = Base64URL.encode(try TestClaims().json())
        let genuine = try await provider.rs256()
        let signature = String(genuine.split(separator: ".")[2])
        let cases = [
            "",
            "abc",
            "a.b",
            "\(goodHeader).\(goodPayload)",
            "\(genuine).\(signature)",
            "a.b.c.d",
            "...",
            "%%%.\(goodPayload).\(signature)",
            "\(goodHeader).%%%.\(signature)",
            "\(goodHeader).\(goodPayload).%%%",
            "\(Base64URL.encode("not json")).\(goodPayload).\(signature)",
            "\(goodHeader).\(Base64URL.encode("not json")).\(signature)",
            "\(Base64URL.encode("[1,2]")).\(goodPayload).\(signature)",
            "\(goodHeader).\(Base64URL.encode("[1,2]")).\(signature)",
            "\(goodHeader).\(Base64URL.encode(#"{"exp":"tomorrow"}"#)).\(signature)",
            " \(genuine)",
            String(repeating: "A", count: IdentityTokenVerifier.maximumTokenLength) + ".\(goodPayload).\(signature)",
        ]
        for token in cases {
            try await expectRefusal(token, .malformedToken)
        }
    }

    @Test("errors describe themselves for logs without secrets")
    func errorDescriptions() async throws {
        let error = IdentityTokenError(.nonceMismatch)
        #expect("\(error)" == "identity token refused: nonceMismatch")
        let numberError = IdentityTokenError(.invalidPersonalNumber, personalNumberError: PersonalNumberError(.unknownProvince("099")))
        #expect("\(numberError)" == "identity token refused: invalidPersonalNumber (unknownProvince)")
        #expect(numberError.message == "Mã tỉnh nơi đăng ký khai sinh \"099\" không hợp lệ.")
        #expect(IdentityTokenError.genericMessage == "Không xác thực được danh tính qua VNeID; hãy đăng nhập lại.")
    }
}
