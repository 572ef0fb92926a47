import NQ57Crypto

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for header-based authentication: builds the
/// canonical request and the string to sign, derives the day's signing key and signs.
///
/// Pure: the moment is given, so the published test vectors check every step.
public struct SigV4Signer: Sendable {
    /// The key pair that signs.
    public let credentials: S3Credentials
    /// The region in the credential scope (`us-east-1` for most S3-compatible engines).
    public let region: String
    /// The service in the credential scope: `s3` for object stores.
    public let service: String

    /// A signer for one key pair, region and service.
    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` as of `secondsSince1970` (UTC): adds `x-amz-date` to the signed headers.
    public func sign(_ request: SigV4Request, secondsSince1970: Double) -> SigV4Signature {
        let date = AMZDate(secondsSince1970: secondsSince1970)
        var headers = request.headers
        headers.append((name: "x-amz-date", value: date.timestamp))
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(headers)
        let canonicalRequest = [
            request.method, request.encodedPath, request.encodedQuery, canonicalHeaders, signedHeaders, request.payloadHash,
        ].joined(separator: "\n")
        let scope = "\(date.day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", date.timestamp, scope, Self.sha256Hex(Array(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let signature = HMACSHA256.authenticate(Array(stringToSign.utf8), key: signingKey(day: date.day)).hexString
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return SigV4Signature(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
                              authorization: authorization, amzDate: date.timestamp)
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    func signingKey(day: String) -> [UInt8] {
        var key = HMACSHA256.authenticate(Array(day.utf8), key: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [region, service, "aws4_request"] {
            key = HMACSHA256.authenticate(Array(part.utf8), key: key)
        }
        return key
    }

    /// Lowercase names, values trimmed with inner runs of spaces collapsed, repeated names
    /// joined by commas in the order given, sorted by name: the canonical headers block (each
    /// line ending in a newline) and the `;`-joined signed header names.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (block: String, signed: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            merged[name.lowercased(), default: []].append(collapseSpaces(value))
        }
        let names = merged.keys.sorted()
        let block = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    private static func collapseSpaces(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The lowercase hex SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { SHA256Digest.hex($0) }
    }

    /// The SHA-256 of an empty body.
    /// The payload hash of a request whose body is not hashed into the signature (its
    /// integrity then rests on a checksum header, as S3's `x-amz-checksum-*`).
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}

/// What signing produced: each intermediate step (for tests against published vectors), and
/// the two headers to send.
public struct SigV4Signature: Sendable, Equatable {
    /// The canonical request, lines joined by `\n`.
    public let canonicalRequest: String
    /// The string to sign, lines joined by `\n`.
    public let stringToSign: String
    /// The lowercase hex signature.
    public let signature: String
    /// The `Authorization` header's value.
    public let authorization: String
    /// The `x-amz-date` header's value.
    public let amzDate: String
}
