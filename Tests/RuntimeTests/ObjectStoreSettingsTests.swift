import Foundation
import Testing
@testable import NQ57Runtime

/// `NQ57_EVIDENCE_STORE=s3` and the `NQ57_S3_*` settings.
struct ObjectStoreSettingsTests {
    static let complete = ["NQ57_EVIDENCE_STORE": "s3", "NQ57_S3_ENDPOINT": "https://rgw.dc.dongnai.gov.vn:7480",
                           "NQ57_S3_BUCKET": "nq57-evidence", "NQ57_S3_ACCESS_KEY_ID": "NQ57KEY",
                           "NQ57_S3_SECRET_ACCESS_KEY": "bi-mat-khong-in-ra"]

    func resolve(_ environment: [String: String]) throws -> NQ57Settings {
        try NQ57Settings.resolve(service: "evidence", given: [], environment: environment)
    }

    @Test("Unset or local: the local folder; s3 with everything given: the bucket, region us-east-1 by default")
    func chosen() throws {
        #expect(try resolve([:]).evidence.objectStore == nil)
        #expect(try resolve(["NQ57_EVIDENCE_STORE": "local"]).evidence.objectStore == nil)
        let store = try #require(try resolve(Self.complete).evidence.objectStore)
        #expect(store == NQ57Settings.ObjectStore(endpoint: "https://rgw.dc.dongnai.gov.vn:7480", region: "us-east-1", bucket: "nq57-evidence",
                                                  accessKeyId: "NQ57KEY", secretAccessKey: "bi-mat-khong-in-ra", caFile: nil))
        #expect(!"\(store)".contains("bi-mat"), "the description never shows the secret")
    }

    @Test("What compose/docker-compose.s3.yml gives the evidence service resolves, with its defaults; its empty NQ57_S3_CA_FILE means the system's roots")
    func composeOverlay() throws {
        let overlay = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../compose/docker-compose.s3.yml")
        let text = try String(contentsOf: overlay, encoding: .utf8)
        // `NAME: value` lines of the service's environment, with `${NAME:-default}` as Compose fills it when NAME is unset.
        var environment: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("      NQ57_") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1).map(String.init)
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("${"), let dash = value.range(of: ":-") {
                value = String(value[dash.upperBound..<value.index(before: value.endIndex)])
            }
            environment[parts[0]] = value
        }
        #expect(environment["NQ57_S3_CA_FILE"] == "")
        let credentials = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-s3-\(UUID())").path
        try "NQ57_S3_ACCESS_KEY_ID=NQ57KEY\nNQ57_S3_SECRET_ACCESS_KEY=bi-mat\n".write(toFile: credentials, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: credentials) }
        #expect(environment["NQ57_S3_CREDENTIALS_FILE"] == "/run/secrets/nq57-s3")
        environment["NQ57_S3_CREDENTIALS_FILE"] = credentials
        let store = try #require(try resolve(environment).evidence.objectStore)
        #expect(store == NQ57Settings.ObjectStore(endpoint: "http://seaweedfs:8333", region: "us-east-1", bucket: "nq57-evidence",
                                                  accessKeyId: "NQ57KEY", secretAccessKey: "bi-mat", caFile: nil))
    }

    @Test("The key pair may come from a credentials file, in nq57's or AWS's spelling")
    func credentialsFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-s3-\(UUID())").path
        try "[default]\naws_access_key_id = AWSKEY\n# comment\naws_secret_access_key=AWSSECRET\n".write(toFile: file, atomically: true, encoding: .utf8)
        var environment = Self.complete
        environment["NQ57_S3_ACCESS_KEY_ID"] = nil
        environment["NQ57_S3_SECRET_ACCESS_KEY"] = nil
        environment["NQ57_S3_CREDENTIALS_FILE"] = file
        let store = try #require(try resolve(environment).evidence.objectStore)
        #expect(store.accessKeyId == "AWSKEY" && store.secretAccessKey == "AWSSECRET")
        let pair = S3CredentialsFile.parse("NQ57_S3_ACCESS_KEY_ID=A\nNQ57_S3_SECRET_ACCESS_KEY=B=C\n")
        #expect(pair.accessKeyId == "A" && pair.secretAccessKey == "B=C")
    }

    @Test("What an S3 store lacks, or cannot use, is refused by name; the secret never appears", arguments: [
        ("NQ57_EVIDENCE_STORE", "ceph"), ("NQ57_S3_ENDPOINT", ""), ("NQ57_S3_ENDPOINT", "rgw.dc:7480"), ("NQ57_S3_BUCKET", ""),
        ("NQ57_S3_ACCESS_KEY_ID", ""), ("NQ57_S3_SECRET_ACCESS_KEY", ""), ("NQ57_S3_CA_FILE", "/khong/co/tep.pem"),
        ("NQ57_S3_CREDENTIALS_FILE", "/khong/co/tep"),
    ])
    func refused(variable: String, value: String) throws {
        var environment = Self.complete
        environment[variable] = value
        if variable == "NQ57_S3_CREDENTIALS_FILE" {
            environment["NQ57_S3_ACCESS_KEY_ID"] = nil
            environment["NQ57_S3_SECRET_ACCESS_KEY"] = nil
        }
        let error = #expect(throws: SettingsError.self) { try resolve(environment) }
        #expect(error?.description.contains(variable) == true, "\(String(describing: error))")
        #expect(error?.description.contains("bi-mat") == false)
    }
}
