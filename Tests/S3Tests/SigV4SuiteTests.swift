import Testing
@testable import NQ57S3

/// AWS's aws-sig-v4-test-suite: example credentials, 30 Aug 2015 12:36:00 UTC, us-east-1,
/// service "service", host example.amazonaws.com. Each case is checked on its canonical
/// request (where the suite's `.creq` is reproduced here), its string to sign and its signature.
@Suite("SigV4: AWS test suite")
struct SigV4SuiteTests {
    static let signer = SigV4Signer(
        credentials: S3Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    /// 2015-08-30T12:36:00Z.
    static let moment = 1_440_938_160.0
    static let host = (name: "host", value: "example.amazonaws.com")
    static let empty = SigV4Signer.emptyPayloadHash

    static func authorization(signedHeaders: String, signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    @Test("get-vanilla: canonical request, string to sign, signature")
    func getVanilla() {
        let signed = Self.signer.sign(SigV4Request(method: "GET", path: "/", headers: [Self.host], payloadHash: Self.empty),
                                      secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest == """
            GET
            /

            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signed.stringToSign == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
            """)
        #expect(signed.amzDate == "20150830T123600Z")
        #expect(signed.authorization == Self.authorization(
            signedHeaders: "host;x-amz-date", signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"))
    }

    @Test("get-vanilla-query-order-key-case: parameters sorted by name")
    func queryOrderKeyCase() {
        let request = SigV4Request(method: "GET", path: "/", query: [("Param2", "value2"), ("Param1", "value1")],
                                   headers: [Self.host], payloadHash: Self.empty)
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2] == "Param1=value1&Param2=value2")
        #expect(signed.signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test("get-vanilla-query-order-value: one name, values sorted")
    func queryOrderValue() {
        let request = SigV4Request(method: "GET", path: "/", query: [("Param1", "value2"), ("Param1", "value1")],
                                   headers: [Self.host], payloadHash: Self.empty)
        #expect(request.encodedQuery == "Param1=value1&Param1=value2")
        #expect(Self.signer.sign(request, secondsSince1970: Self.moment).signature
            == "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694")
    }

    @Test("get-vanilla-utf8-query: a UTF-8 parameter name is percent-encoded byte by byte")
    func utf8Query() {
        let request = SigV4Request(method: "GET", path: "/", query: [("\u{1234}", "bar")], headers: [Self.host], payloadHash: Self.empty)
        #expect(request.encodedQuery == "%E1%88%B4=bar")
        #expect(Self.signer.sign(request, secondsSince1970: Self.moment).signature
            == "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04")
    }

    @Test("get-utf8 and get-space: canonical URIs /%E1%88%B4 and /example%20space/")
    func utf8AndSpacePaths() {
        #expect(SigV4Request(method: "GET", path: "/\u{1234}", headers: [], payloadHash: Self.empty).encodedPath == "/%E1%88%B4")
        #expect(SigV4Request(method: "GET", path: "/example space/", headers: [], payloadHash: Self.empty).encodedPath
            == "/example%20space/")
    }

    @Test("get-unreserved: unreserved characters are not encoded")
    func unreserved() {
        let path = "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        let request = SigV4Request(method: "GET", path: path, headers: [Self.host], payloadHash: Self.empty)
        #expect(request.encodedPath == path)
        #expect(Self.signer.sign(request, secondsSince1970: Self.moment).signature
            == "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f")
    }

    @Test("get-header-value-trim: values trimmed, inner runs of spaces collapsed")
    func headerValueTrim() {
        let request = SigV4Request(method: "GET", path: "/", headers: [Self.host, ("My-Header1", " value1"), ("My-Header2", "\"a   b   c\"")],
                                   payloadHash: Self.empty)
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest.contains("my-header1:value1\nmy-header2:\"a b c\"\n"))
        #expect(signed.authorization == Self.authorization(
            signedHeaders: "host;my-header1;my-header2;x-amz-date",
            signature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"))
    }

    @Test("get-header-key-duplicate and get-header-value-order: repeated headers joined by commas, in order")
    func repeatedHeaders() {
        let duplicate = SigV4Request(method: "GET", path: "/", headers: [Self.host, ("My-Header1", "value2"), ("My-Header1", "value2"),
                                                                        ("My-Header1", "value1")], payloadHash: Self.empty)
        #expect(Self.signer.sign(duplicate, secondsSince1970: Self.moment).signature
            == "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea")
        let order = SigV4Request(method: "GET", path: "/", headers: [Self.host, ("My-Header1", "value4"), ("My-Header1", "value1"),
                                                                    ("My-Header1", "value3"), ("My-Header1", "value2")], payloadHash: Self.empty)
        let signed = Self.signer.sign(order, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest.contains("my-header1:value4,value1,value3,value2\n"))
        #expect(signed.signature == "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01")
    }

    @Test("post-vanilla")
    func postVanilla() {
        let signed = Self.signer.sign(SigV4Request(method: "POST", path: "/", headers: [Self.host], payloadHash: Self.empty),
                                      secondsSince1970: Self.moment)
        #expect(signed.signature == "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    @Test("post-x-www-form-urlencoded: the body's hash and its content type are signed")
    func postForm() {
        let body = Array("Param1=value1".utf8)
        let request = SigV4Request(method: "POST", path: "/", headers: [("Content-Type", "application/x-www-form-urlencoded"), Self.host],
                                   payloadHash: SigV4Signer.sha256Hex(body))
        let signed = Self.signer.sign(request, secondsSince1970: Self.moment)
        #expect(signed.canonicalRequest == """
            POST
            /

            content-type:application/x-www-form-urlencoded
            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-date
            9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
            """)
        #expect(signed.authorization == Self.authorization(
            signedHeaders: "content-type;host;x-amz-date",
            signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"))
    }

    @Test("A printed key pair shows the access key id, never the secret")
    func secretNeverPrinted() {
        let credentials = S3Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        #expect("\(credentials)".contains("AKIDEXAMPLE"))
        #expect(!"\(credentials)".contains("wJalr"))
        #expect(!String(reflecting: credentials).contains("wJalr"))
        let configuration = S3Configuration(endpoint: "http://127.0.0.1:1", bucket: "b", credentials: credentials)
        #expect(!"\(configuration)".contains("wJalr"))
    }
}
