import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// An S3 client for one bucket of an S3-compatible store (Ceph RGW, MinIO, SeaweedFS, AWS):
/// path-style addresses, SigV4-signed requests, HTTP through AsyncHTTPClient, and every
/// failure sorted into an ``S3Error``.
///
/// Object bodies (PUT, UploadPart) are signed as `UNSIGNED-PAYLOAD` and carry their CRC-32
/// (`x-amz-checksum-crc32`, itself signed), which the store checks before it keeps anything:
/// the AWS SDKs do the same, and it costs less than half the CPU of a SHA-256 of every byte.
/// Other bodies (the completion's XML) are signed with their SHA-256.
///
/// Call ``shutdown()`` once done with it.
public final class S3Client: ObjectStorage {
    /// Where it sends requests.
    public let configuration: S3Configuration
    private let signer: SigV4Signer
    private let http: HTTPClient
    private let now: @Sendable () -> Double

    /// A client for `configuration`; `now` (seconds since 1970) stamps the signatures.
    ///
    /// - Throws: ``S3Error/rejected(status:code:message:)`` when `caFile` cannot be loaded.
    public init(configuration: S3Configuration, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) throws {
        self.configuration = configuration
        self.signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region)
        self.now = now
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw S3Error.rejected(status: 0, code: "CAFileUnreadable", message: "cannot read the CA file \(caFile)")
            }
            tls.trustRoots = .file(caFile)
        }
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = configuration.maxConnections
        var settings = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(configuration.connectTimeoutSeconds),
                           read: .seconds(configuration.readTimeoutSeconds)),
            connectionPool: pool,
            decompression: .disabled
        )
        settings.httpVersion = .http1Only
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings)
    }

    /// Closes the connections. Call it once, when the client is no longer used.
    public func shutdown() async {
        try? await http.shutdown()
    }

    // MARK: ObjectStorage

    public func head(_ key: String) async throws -> ObjectInfo {
        let response = try await send("HEAD", key: key)
        try await expectSuccess(response, key: key)
        guard let length = response.headers.first(name: "content-length").flatMap({ Int64($0) }) else {
            throw S3Error.invalidResponse("HEAD \(key) without Content-Length")
        }
        return ObjectInfo(size: length, etag: Self.unquoted(response.headers.first(name: "etag") ?? ""))
    }

    public func get(_ key: String, range: ClosedRange<Int64>?, _ body: (ByteBuffer) async throws -> Void) async throws {
        var headers: [(name: String, value: String)] = []
        if let range { headers.append((name: "range", value: "bytes=\(range.lowerBound)-\(range.upperBound)")) }
        let response = try await send("GET", key: key, headers: headers)
        // The body can be read once: only a failure's is read here, as its XML.
        if !(200..<300).contains(response.status.code) { try await expectSuccess(response, key: key) }
        var iterator = response.body.makeAsyncIterator()
        while true {
            let next: ByteBuffer?
            do { next = try await iterator.next() } catch { throw Self.transportFailure(error) }
            guard let next else { return }
            try await body(next)
        }
    }

    public func put(_ key: String, bytes: ByteBuffer, ifNoneMatch: Bool) async throws {
        try await put(key, bytes: bytes, ifNoneMatch: ifNoneMatch, checksum: bytes.withUnsafeReadableBytes(CRC32Checksum.header))
    }

    /// PUT with `checksum` as the body's CRC-32 (tests give a wrong one: the store must refuse it).
    func put(_ key: String, bytes: ByteBuffer, ifNoneMatch: Bool, checksum: String) async throws {
        let headers: [(name: String, value: String)] = ifNoneMatch ? [(name: "if-none-match", value: "*")] : []
        let response = try await send("PUT", key: key, headers: headers, body: bytes, checksum: checksum)
        try await expectSuccess(response, key: key, conditional: ifNoneMatch)
    }

    public func createMultipartUpload(_ key: String) async throws -> String {
        let response = try await send("POST", key: key, query: [(name: "uploads", value: "")],
                                      headers: [(name: "x-amz-checksum-algorithm", value: "CRC32")])
        let xml = try await successBody(response, key: key)
        guard let uploadId = S3XML.value(of: "UploadId", in: xml), !uploadId.isEmpty else {
            throw S3Error.invalidResponse("CreateMultipartUpload without UploadId")
        }
        return uploadId
    }

    public func uploadPart(_ key: String, uploadId: String, partNumber: Int, bytes: ByteBuffer) async throws -> UploadedPart {
        try await uploadPart(key, uploadId: uploadId, partNumber: partNumber, bytes: bytes, checksum: bytes.withUnsafeReadableBytes(CRC32Checksum.header))
    }

    /// UploadPart with `checksum` as the part's CRC-32 (tests give a wrong one: the store must refuse it).
    func uploadPart(_ key: String, uploadId: String, partNumber: Int, bytes: ByteBuffer, checksum: String) async throws -> UploadedPart {
        let response = try await send("PUT", key: key, query: [(name: "partNumber", value: String(partNumber)),
                                                               (name: "uploadId", value: uploadId)], body: bytes, checksum: checksum)
        try await expectSuccess(response, key: key)
        guard let etag = response.headers.first(name: "etag") else {
            throw S3Error.invalidResponse("UploadPart \(partNumber) without ETag")
        }
        return UploadedPart(partNumber: partNumber, etag: Self.unquoted(etag), checksumCRC32: checksum)
    }

    public func completeMultipartUpload(_ key: String, uploadId: String, parts: [UploadedPart], ifNoneMatch: Bool) async throws {
        let document = "<CompleteMultipartUpload>" + parts.map {
            "<Part><PartNumber>\($0.partNumber)</PartNumber><ETag>\"\(S3XML.escape($0.etag))\"</ETag>"
                + ($0.checksumCRC32.map { "<ChecksumCRC32>\(S3XML.escape($0))</ChecksumCRC32>" } ?? "") + "</Part>"
        }.joined() + "</CompleteMultipartUpload>"
        let headers: [(name: String, value: String)] = ifNoneMatch ? [(name: "if-none-match", value: "*")] : []
        let response = try await send("POST", key: key, query: [(name: "uploadId", value: uploadId)], headers: headers,
                                      body: ByteBuffer(string: document))
        let xml = try await successBody(response, key: key, conditional: ifNoneMatch)
        // A completion can fail after its 200 status was sent: the error is then in the body.
        if xml.contains("<Error>") {
            throw Self.error(status: 500, xml: xml, key: key, conditional: ifNoneMatch)
        }
    }

    public func abortMultipartUpload(_ key: String, uploadId: String) async throws {
        let response = try await send("DELETE", key: key, query: [(name: "uploadId", value: uploadId)])
        do {
            try await expectSuccess(response, key: key)
        } catch S3Error.notFound {
            return
        }
    }

    public func list(prefix: String, continuationToken: String?) async throws -> ObjectListing {
        var query: [(name: String, value: String)] = [(name: "list-type", value: "2"), (name: "prefix", value: prefix)]
        if let continuationToken { query.append((name: "continuation-token", value: continuationToken)) }
        let response = try await send("GET", key: nil, query: query)
        let xml = try await successBody(response, key: prefix)
        let objects = try S3XML.blocks("Contents", in: xml).map { block -> (key: String, size: Int64) in
            guard let key = S3XML.value(of: "Key", in: block), let size = S3XML.value(of: "Size", in: block).flatMap({ Int64($0) }) else {
                throw S3Error.invalidResponse("listing entry without Key or Size")
            }
            return (key, size)
        }
        let truncated = S3XML.value(of: "IsTruncated", in: xml) == "true"
        let next = truncated ? S3XML.value(of: "NextContinuationToken", in: xml) : nil
        if truncated && next == nil { throw S3Error.invalidResponse("truncated listing without NextContinuationToken") }
        return ObjectListing(objects: objects, nextContinuationToken: next)
    }

    public func copy(from source: String, to destination: String) async throws {
        let sourcePath = SigV4Encoding.encode("/\(configuration.bucket)/\(source)", keepSlash: true)
        let response = try await send("PUT", key: destination, headers: [(name: "x-amz-copy-source", value: sourcePath)])
        let xml = try await successBody(response, key: destination)
        // Like a completion, a copy can fail after its 200 status was sent.
        if xml.contains("<Error>") { throw Self.error(status: 500, xml: xml, key: destination, conditional: false) }
    }

    public func delete(_ key: String) async throws {
        let response = try await send("DELETE", key: key)
        do {
            try await expectSuccess(response, key: key)
        } catch S3Error.notFound {
            return
        }
    }

    /// The multipart uploads still open under `prefix` (first 1,000): key and upload id, for
    /// operators and tests checking that nothing was left behind.
    public func openMultipartUploads(prefix: String) async throws -> [(key: String, uploadId: String)] {
        try await openUploads(prefix: prefix).map { ($0.key, $0.uploadId) }
    }

    public func openUploads(prefix: String) async throws -> [OpenUpload] {
        let response = try await send("GET", key: nil, query: [(name: "uploads", value: ""), (name: "prefix", value: prefix)])
        let xml = try await successBody(response, key: prefix)
        return S3XML.blocks("Upload", in: xml).compactMap { block in
            guard let key = S3XML.value(of: "Key", in: block), let id = S3XML.value(of: "UploadId", in: block) else { return nil }
            return OpenUpload(key: key, uploadId: id, initiated: S3XML.value(of: "Initiated", in: block).flatMap(Self.timestamp))
        }
    }

    /// An S3 timestamp ("2026-12-07T03:04:05.000Z", the fraction optional).
    static func timestamp(_ text: String) -> Date? {
        let whole = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? fractional.parse(text)) ?? (try? whole.parse(text))
    }

    // MARK: Sending

    /// Signs and sends one request; transport failures become ``S3Error/unavailable(_:)``.
    /// With a `checksum` (the body's CRC-32), the body is signed as `UNSIGNED-PAYLOAD` and the checksum goes in
    /// `x-amz-checksum-crc32`; without one, the body's SHA-256 is signed.
    private func send(_ method: String, key: String?, query: [(name: String, value: String)] = [],
                      headers: [(name: String, value: String)] = [], body: ByteBuffer? = nil,
                      checksum: String? = nil) async throws -> HTTPClientResponse {
        let payloadHash = checksum != nil ? SigV4Signer.unsignedPayload : body.map { buffer in
            buffer.withUnsafeReadableBytes { SHA256Digest.hex($0) }
        } ?? SigV4Signer.emptyPayloadHash
        let path = "/\(configuration.bucket)" + (key.map { "/\($0)" } ?? "")
        var signed = headers
        if let checksum { signed.append((name: "x-amz-checksum-crc32", value: checksum)) }
        signed.append((name: "host", value: configuration.hostHeader))
        signed.append((name: "x-amz-content-sha256", value: payloadHash))
        let request = SigV4Request(method: method, path: path, query: query, headers: signed, payloadHash: payloadHash)
        let signature = signer.sign(request, secondsSince1970: now())
        let encodedQuery = request.encodedQuery
        var outgoing = HTTPClientRequest(url: configuration.endpoint + request.encodedPath + (encodedQuery.isEmpty ? "" : "?\(encodedQuery)"))
        outgoing.method = HTTPMethod(rawValue: method)
        for (name, value) in signed { outgoing.headers.add(name: name, value: value) }
        outgoing.headers.add(name: "x-amz-date", value: signature.amzDate)
        outgoing.headers.add(name: "authorization", value: signature.authorization)
        if let body {
            outgoing.body = .bytes(body)
        } else if method == "PUT" || method == "POST" {
            outgoing.headers.add(name: "content-length", value: "0")
        }
        do {
            return try await http.execute(outgoing, deadline: .distantFuture)
        } catch {
            throw Self.transportFailure(error)
        }
    }

    /// Throws the ``S3Error`` an unsuccessful status means; drains the body of a successful one.
    private func expectSuccess(_ response: HTTPClientResponse, key: String, conditional: Bool = false) async throws {
        _ = try await successBody(response, key: key, conditional: conditional)
    }

    /// The body of a 2xx answer as text; otherwise the ``S3Error`` its status and XML mean.
    private func successBody(_ response: HTTPClientResponse, key: String, conditional: Bool = false) async throws -> String {
        let body: ByteBuffer
        do { body = try await response.body.collect(upTo: 1 << 20) } catch { throw Self.transportFailure(error) }
        let text = String(buffer: body)
        guard (200..<300).contains(response.status.code) else {
            throw Self.error(status: Int(response.status.code), xml: text, key: key, conditional: conditional)
        }
        return text
    }

    /// The ``S3Error`` for a failed answer.
    static func error(status: Int, xml: String, key: String, conditional: Bool) -> S3Error {
        let code = S3XML.value(of: "Code", in: xml) ?? ""
        let message = S3XML.value(of: "Message", in: xml) ?? ""
        switch status {
        case 404 where code != "NoSuchBucket":
            return .notFound(key)
        case 412 where conditional, 409 where conditional && code != "NoSuchUpload":
            return .alreadyExists(key)
        case 401, 403:
            return .denied(code: code, message: message)
        case 500...:
            if code == "PreconditionFailed" && conditional { return .alreadyExists(key) }
            return .unavailable("\(status) \(code) \(message)")
        default:
            return .rejected(status: status, code: code, message: message)
        }
    }

    /// A failure to talk to the store at all (refused, reset, timed out): ``S3Error/unavailable(_:)``.
    static func transportFailure(_ error: any Error) -> any Error {
        if error is S3Error || error is CancellationError { return error }
        return S3Error.unavailable(String(describing: error))
    }

    private static func unquoted(_ etag: String) -> String {
        etag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
}
