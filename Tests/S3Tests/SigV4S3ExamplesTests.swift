import Testing
@testable import NQ57S3

/// The four worked examples of Amazon S3's "Signature Calculations for the Authorization
/// Header: Transferring Payload in a Single Chunk": examplebucket, 24 May 2013, us-east-1.
@Suite("SigV4: Amazon S3 worked examples")
struct SigV4S3ExamplesTests {
    static let signer = SigV4Signer(
        credentials: S3Credentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1")
    /// 2013-05-24T00:00:00Z.
    static let moment = 1_369_353_600.0
    static let host = (name: "host", value: "examplebucket.s3.amazonaws.com")
    static let empty = SigV4Signer.emptyPayloadHash
    static let scope = "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"

    @Test("GET Object with Range: bytes=0-9")
    func getObject() {
        let request = SigV4Request(method: "GET", path: "/test.txt",
                                   headers: [Self.host, ("Range", "bytes=0-9"), ("x-amz-content-sha256", Self.empty)], payloadHash: Self.empty)
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signed.stringToSign == Self.scope + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972")
        #expect(Self.signer.signingKey(day: "20130524").hexString
            == "dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378")
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("PUT Object: test$file.text, \"Welcome to Amazon S3.\", a Date and a storage class")
    func putObject() {
        let payload = SigV4Signer.sha256Hex(Array("Welcome to Amazon S3.".utf8))
        #expect(payload == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let request = SigV4Request(method: "PUT", path: "/test$file.text", headers: [
            Self.host, ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ("x-amz-content-sha256", payload),
        ], payloadHash: payload)
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest == """
            PUT
            /test%24file.text

            date:Fri, 24 May 2013 00:00:00 GMT
            host:examplebucket.s3.amazonaws.com
            x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            x-amz-date:20130524T000000Z
            x-amz-storage-class:REDUCED_REDUNDANCY

            date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class
            44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            """)
        #expect(signed.stringToSign == Self.scope + "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d")
        #expect(signed.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET Bucket Lifecycle: a parameter without a value signs as lifecycle=")
    func getLifecycle() {
        let request = SigV4Request(method: "GET", path: "/", query: [("lifecycle", "")],
                                   headers: [Self.host, ("x-amz-content-sha256", Self.empty)], payloadHash: Self.empty)
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest.hasPrefix("GET\n/\nlifecycle=\nhost:examplebucket.s3.amazonaws.com\n"))
        #expect(signed.stringToSign == Self.scope + "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca")
        #expect(signed.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test("Get Bucket (List Objects): max-keys=2&prefix=J, given out of order")
    func listObjects() {
        let request = SigV4Request(method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")],
                                   headers: [Self.host, ("x-amz-content-sha256", Self.empty)], payloadHash: Self.empty)
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest.hasPrefix("GET\n/\nmax-keys=2&prefix=J\n"))
        #expect(signed.stringToSign == Self.scope + "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7")
        #expect(signed.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }
}
