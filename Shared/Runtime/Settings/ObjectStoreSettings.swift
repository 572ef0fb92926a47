import Foundation

extension NQ57Settings.ObjectStore {
    /// The S3 store when `NQ57_EVIDENCE_STORE` is `s3`, nil when it is `local` (or unset).
    /// An S3 store needs an endpoint, a bucket and a key pair (given directly or in
    /// `NQ57_S3_CREDENTIALS_FILE`); anything missing or unusable is refused by name.
    static func read(_ read: StrictSettingsReader) throws -> Self? {
        let catalog = SettingsCatalog.self
        let kind = try read.string(catalog.evidenceStore) ?? "local"
        switch kind {
        case "local":
            return nil
        case "s3":
            break
        default:
            throw SettingsError(catalog.evidenceStore, "must be local or s3, not \"\(kind)\"")
        }
        guard let endpoint = try read.string(catalog.s3Endpoint) else { throw SettingsError(catalog.s3Endpoint, "is needed when NQ57_EVIDENCE_STORE=s3") }
        guard endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://"),
              URL(string: endpoint)?.host.map({ !$0.isEmpty }) == true else {
            throw SettingsError(catalog.s3Endpoint, "must be http(s)://host:port, not \"\(endpoint)\"")
        }
        guard let bucket = try read.string(catalog.s3Bucket), !bucket.isEmpty else {
            throw SettingsError(catalog.s3Bucket, "is needed when NQ57_EVIDENCE_STORE=s3")
        }
        var accessKeyId = try read.string(catalog.s3AccessKeyId)
        var secret = try read.string(catalog.s3SecretAccessKey)
        if let file = try read.string(catalog.s3CredentialsFile) {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SettingsError(catalog.s3CredentialsFile, "names a file that cannot be read: \(file)")
            }
            let pair = S3CredentialsFile.parse(text)
            accessKeyId = accessKeyId ?? pair.accessKeyId
            secret = secret ?? pair.secretAccessKey
        }
        guard let accessKeyId, !accessKeyId.isEmpty else {
            throw SettingsError(catalog.s3AccessKeyId, "is needed when NQ57_EVIDENCE_STORE=s3 (or NQ57_S3_CREDENTIALS_FILE)")
        }
        guard let secret, !secret.isEmpty else {
            throw SettingsError(catalog.s3SecretAccessKey, "is needed when NQ57_EVIDENCE_STORE=s3 (or NQ57_S3_CREDENTIALS_FILE)")
        }
        let caFile = try read.string(catalog.s3CAFile)
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw SettingsError(catalog.s3CAFile, "names a file that cannot be read: \(caFile)")
        }
        return Self(endpoint: endpoint, region: try read.string(catalog.s3Region) ?? "us-east-1", bucket: bucket,
                    accessKeyId: accessKeyId, secretAccessKey: secret, caFile: caFile)
    }
}

/// The key pair in an `NQ57_S3_CREDENTIALS_FILE`: `NAME=value` lines, where NAME is
/// `NQ57_S3_ACCESS_KEY_ID` / `NQ57_S3_SECRET_ACCESS_KEY` or, as in an AWS credentials file,
/// `aws_access_key_id` / `aws_secret_access_key` (spaces around `=` allowed, `#` comments and
/// `[section]` lines ignored).
public enum S3CredentialsFile {
    /// The two values found (each nil when absent).
    public static func parse(_ text: String) -> (accessKeyId: String?, secretAccessKey: String?) {
        var accessKeyId: String?
        var secret: String?
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("["), let equals = trimmed.firstIndex(of: "=") else { continue }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "NQ57_S3_ACCESS_KEY_ID", "aws_access_key_id": accessKeyId = value
            case "NQ57_S3_SECRET_ACCESS_KEY", "aws_secret_access_key": secret = value
            default: continue
            }
        }
        return (accessKeyId, secret)
    }
}
