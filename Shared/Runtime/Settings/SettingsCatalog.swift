/// One setting: its key in the JSON config file, its environment variable, its flag (if any),
/// its default, and what it means. `SettingsCatalog.all` is the one list of them; the
/// environment provider and the README table are built from it.
public struct SettingSpec: Sendable, Equatable {
    /// The key in the JSON config file (camelCase; a dot nests: `evidence.maxMib`).
    public var key: String
    /// The environment variable.
    public var environment: String
    /// The command-line flag, for the settings that have one.
    public var flag: String?
    /// The default, as people read it.
    public var defaultText: String
    /// What the setting does.
    public var meaning: String
}

/// Every setting of every nq57 executable.
public enum SettingsCatalog {
    public static let config = SettingSpec(key: "config", environment: "NQ57_CONFIG", flag: "--config FILE", defaultText: "none",
                                           meaning: "JSON config file with any of these settings under their keys (flags beat the environment, which beats the file)")
    public static let data = SettingSpec(key: "data", environment: "NQ57_HOME", flag: "--data DIR", defaultText: "./.nq57",
                                         meaning: "data folder; a service keeps its files in DIR/<service>/")
    public static let socket = SettingSpec(key: "socket", environment: "NQ57_SOCKET", flag: "--socket PATH",
                                           defaultText: "DIR/run/internal/<service>.sock; gateway DIR/run/gateway.sock",
                                           meaning: "the socket this service listens on")
    public static let internalDir = SettingSpec(key: "internalDir", environment: "NQ57_INTERNAL_DIR", flag: "--internal-dir DIR2",
                                                defaultText: "DIR/run/internal", meaning: "folder of the backends' sockets (mode 0700)")
    public static let logLevel = SettingSpec(key: "logLevel", environment: "NQ57_LOG_LEVEL", flag: "--log-level L", defaultText: "info",
                                             meaning: "trace, debug, info, notice, warning, error or critical (logfmt lines on stderr)")
    public static let maxFrameBytes = SettingSpec(key: "maxFrameBytes", environment: "NQ57_MAX_FRAME_BYTES", flag: "--max-frame-bytes N",
                                                  defaultText: "16777216", meaning: "largest frame accepted, 1024 to 1073741824 bytes")
    public static let idleTimeout = SettingSpec(key: "idleTimeout", environment: "NQ57_IDLE_TIMEOUT", flag: "--idle-timeout S",
                                                defaultText: "300", meaning: "seconds after which a silent connection is closed")
    public static let callTimeout = SettingSpec(key: "callTimeout", environment: "NQ57_CALL_TIMEOUT", flag: "--call-timeout S",
                                                defaultText: "30", meaning: "gateway: longest a forwarded call may take, in seconds")
    public static let now = SettingSpec(key: "now", environment: "NQ57_NOW", flag: "nq57 up --now DAY", defaultText: "unset",
                                        meaning: "every service takes DAY (yyyy-MM-dd) as today, its clock starting at 09:00 that day, for trials and demonstrations")
    public static let nowStarted = SettingSpec(key: "nowStarted", environment: "NQ57_NOW_STARTED", flag: nil, defaultText: "the service's own start",
                                               meaning: "set by `nq57 up`: the Unix time (seconds) at which the `NQ57_NOW` clock read 09:00, so every service, restarted or late to start, shows the same time")
    public static let parentPid = SettingSpec(key: "parentPid", environment: "NQ57_PARENT_PID", flag: nil, defaultText: "unset",
                                              meaning: "set by `nq57 up`: a service stops when this process is no longer its parent")
    public static let adminPassword = SettingSpec(key: "adminPassword", environment: "NQ57_ADMIN_PASSWORD", flag: nil, defaultText: "random, printed once",
                                                  meaning: "auth: password of the first account `admin` on an empty database (also used by `nq57 up --demo`)")
    public static let accessTokenSeconds = SettingSpec(key: "accessTokenSeconds", environment: "NQ57_ACCESS_TOKEN_SECONDS", flag: nil,
                                                       defaultText: "300", meaning: "auth: lifetime of an access token, seconds (> 0)")
    public static let refreshTokenHours = SettingSpec(key: "refreshTokenHours", environment: "NQ57_REFRESH_TOKEN_HOURS", flag: nil,
                                                      defaultText: "12", meaning: "auth: lifetime of a refresh token, hours (> 0)")
    public static let lockoutAttempts = SettingSpec(key: "lockoutAttempts", environment: "NQ57_LOCKOUT_ATTEMPTS", flag: nil,
                                                    defaultText: "5", meaning: "auth: failed logins in a row that lock a login name (≥ 1)")
    public static let lockoutMinutes = SettingSpec(key: "lockoutMinutes", environment: "NQ57_LOCKOUT_MINUTES", flag: nil,
                                                   defaultText: "15", meaning: "auth: how long a lock lasts, minutes (> 0)")
    public static let scryptLogN = SettingSpec(key: "scryptLogN", environment: "NQ57_SCRYPT_LOG_N", flag: nil,
                                               defaultText: "15", meaning: "auth: cost of password hashing, scrypt log2(N), 10 to 20")
    public static let oidcIssuer = SettingSpec(key: "oidc.issuer", environment: "NQ57_OIDC_ISSUER", flag: nil, defaultText: "unset",
                                               meaning: "auth: issuer of the VNeID-style ID tokens")
    public static let oidcAudience = SettingSpec(key: "oidc.audience", environment: "NQ57_OIDC_AUDIENCE", flag: nil, defaultText: "unset",
                                                 meaning: "auth and gateway: this system's client id at the identity provider")
    public static let oidcJwksFile = SettingSpec(key: "oidc.jwksFile", environment: "NQ57_OIDC_JWKS_FILE", flag: nil, defaultText: "unset",
                                                 meaning: "auth: file of the provider's public keys (JWKS)")
    public static let oidcAuthorizeURL = SettingSpec(key: "oidc.authorizeUrl", environment: "NQ57_OIDC_AUTHORIZE_URL", flag: nil, defaultText: "unset",
                                                     meaning: "gateway: the provider's authorization endpoint")
    public static let oidcTokenURL = SettingSpec(key: "oidc.tokenUrl", environment: "NQ57_OIDC_TOKEN_URL", flag: nil, defaultText: "unset",
                                                 meaning: "gateway: the provider's token endpoint")
    public static let oidcRedirectURL = SettingSpec(key: "oidc.redirectUrl", environment: "NQ57_OIDC_REDIRECT_URL", flag: nil, defaultText: "unset",
                                                    meaning: "gateway: this site's `/auth/vneid/callback`")
    public static let oidcClientSecret = SettingSpec(key: "oidc.clientSecret", environment: "NQ57_OIDC_CLIENT_SECRET", flag: nil, defaultText: "unset",
                                                     meaning: "gateway: client secret, if the provider wants one")
    public static let evidenceMaxMiB = SettingSpec(key: "evidence.maxMib", environment: "NQ57_EVIDENCE_MAX_MIB", flag: nil, defaultText: "100",
                                                   meaning: "evidence: largest file accepted, MiB (> 0)")
    public static let evidenceMaxUploads = SettingSpec(key: "evidence.maxUploads", environment: "NQ57_EVIDENCE_MAX_UPLOADS", flag: nil,
                                                       defaultText: "1000", meaning: "evidence: uploads open at once in the service (> 0)")
    public static let evidenceMaxUploadsPerAccount = SettingSpec(key: "evidence.maxUploadsPerAccount", environment: "NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT",
                                                                 flag: nil, defaultText: "20", meaning: "evidence: uploads open at once per account (> 0)")
    public static let evidenceBufferMiB = SettingSpec(key: "evidence.bufferMib", environment: "NQ57_EVIDENCE_BUFFER_MIB", flag: nil,
                                                      defaultText: "512",
                                                      meaning: "evidence: memory for file bytes held at once (upload parts, read chunks), MiB (≥ 32)")
    public static let evidenceBufferWaitSeconds = SettingSpec(key: "evidence.bufferWaitSeconds", environment: "NQ57_EVIDENCE_BUFFER_WAIT_SECONDS",
                                                              flag: nil, defaultText: "20",
                                                              meaning: "evidence: how long a call waits for that memory before it answers busy, seconds (1–600)")
    public static let evidenceBufferAccountMiB = SettingSpec(key: "evidence.bufferAccountMib", environment: "NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB",
                                                             flag: nil, defaultText: "a quarter of the buffer",
                                                             meaning: "evidence: the most of that memory one account (or all public readers) holds at once, beyond its first upload or read, MiB (> 0)")
    public static let evidenceStore = SettingSpec(key: "evidence.store", environment: "NQ57_EVIDENCE_STORE", flag: nil, defaultText: "local",
                                                  meaning: "evidence: where files are kept: `local` (DIR/evidence/blobs) or `s3` (the bucket of the NQ57_S3_* settings)")
    public static let s3Endpoint = SettingSpec(key: "s3.endpoint", environment: "NQ57_S3_ENDPOINT", flag: nil, defaultText: "unset",
                                               meaning: "evidence: the S3-compatible store, `http(s)://host:port` (path-style requests)")
    public static let s3Region = SettingSpec(key: "s3.region", environment: "NQ57_S3_REGION", flag: nil, defaultText: "us-east-1",
                                             meaning: "evidence: region in the SigV4 signature")
    public static let s3Bucket = SettingSpec(key: "s3.bucket", environment: "NQ57_S3_BUCKET", flag: nil, defaultText: "unset",
                                             meaning: "evidence: the bucket (created beforehand)")
    public static let s3AccessKeyId = SettingSpec(key: "s3.accessKeyId", environment: "NQ57_S3_ACCESS_KEY_ID", flag: nil, defaultText: "unset",
                                                  meaning: "evidence: access key id")
    public static let s3SecretAccessKey = SettingSpec(key: "s3.secretAccessKey", environment: "NQ57_S3_SECRET_ACCESS_KEY", flag: nil,
                                                      defaultText: "unset", meaning: "evidence: secret access key (never logged)")
    public static let s3CredentialsFile = SettingSpec(key: "s3.credentialsFile", environment: "NQ57_S3_CREDENTIALS_FILE", flag: nil,
                                                      defaultText: "unset",
                                                      meaning: "evidence: file with `NQ57_S3_ACCESS_KEY_ID=…` and `NQ57_S3_SECRET_ACCESS_KEY=…` lines (or `aws_access_key_id` / `aws_secret_access_key`), instead of the two settings")
    public static let s3CAFile = SettingSpec(key: "s3.caFile", environment: "NQ57_S3_CA_FILE", flag: nil, defaultText: "the system's roots",
                                             meaning: "evidence: PEM file of the certificates that may sign the store's TLS certificate")
    public static let smtpURL = SettingSpec(key: "mail.smtpUrl", environment: "NQ57_SMTP_URL", flag: nil, defaultText: "unset: no mail",
                                            meaning: "tasks: the data centre's mail relay, `smtp://host:port` (port 25 if left out); STARTTLS when the relay offers it. Reminders are mailed as one daily digest per person")
    public static let mailFrom = SettingSpec(key: "mail.from", environment: "NQ57_MAIL_FROM", flag: nil, defaultText: "nhac-viec@nq57.invalid",
                                             meaning: "tasks: the sender address of the reminder digests")
    public static let smtpCAFile = SettingSpec(key: "mail.caFile", environment: "NQ57_SMTP_CA_FILE", flag: nil, defaultText: "the system's roots",
                                               meaning: "tasks: PEM file of the certificates that may sign the relay's STARTTLS certificate")
    public static let http = SettingSpec(key: "http", environment: "NQ57_HTTP", flag: "nq57 up --http HOST:PORT",
                                         defaultText: "gateway: off; `nq57 up`: 127.0.0.1:8057",
                                         meaning: "gateway: HTTP side (console and JSON API) on HOST:PORT; port 0 picks a free one; `off` turns it off")
    public static let httpHosts = SettingSpec(key: "httpHosts", environment: "NQ57_HTTP_HOSTS", flag: nil, defaultText: "none",
                                              meaning: "gateway: public names (comma-separated) answered besides the listening address")
    public static let httpIdleSeconds = SettingSpec(key: "httpIdleSeconds", environment: "NQ57_HTTP_IDLE_SECONDS", flag: nil, defaultText: "60",
                                                    meaning: "gateway: an HTTP connection silent this many seconds is closed (> 0)")
    public static let httpSecureCookies = SettingSpec(key: "httpSecureCookies", environment: "NQ57_HTTP_SECURE_COOKIES", flag: nil, defaultText: "0",
                                                      meaning: "gateway: 1 (or true, yes) marks session cookies Secure, behind a TLS proxy")
    public static let webRoot = SettingSpec(key: "webRoot", environment: "NQ57_WEB_ROOT", flag: nil, defaultText: "the files built in",
                                            meaning: "gateway: folder of the console's files")
    public static let session = SettingSpec(key: "session", environment: "NQ57_SESSION", flag: "nq57 --session FILE",
                                            defaultText: "$XDG_CONFIG_HOME/nq57/session.json, else ~/.config/nq57/session.json",
                                            meaning: "CLI: file of the saved login (mode 0600)")
    public static let xdgConfigHome = SettingSpec(key: "xdgConfigHome", environment: "XDG_CONFIG_HOME", flag: nil, defaultText: "~/.config",
                                                  meaning: "CLI: base folder of the session file")

    /// Every setting, in the order of the README table.
    public static let all: [SettingSpec] = [
        config, data, socket, internalDir, logLevel, maxFrameBytes, idleTimeout, callTimeout, now, nowStarted, parentPid,
        adminPassword, accessTokenSeconds, refreshTokenHours, lockoutAttempts, lockoutMinutes, scryptLogN,
        oidcIssuer, oidcAudience, oidcJwksFile, oidcAuthorizeURL, oidcTokenURL, oidcRedirectURL, oidcClientSecret,
        evidenceMaxMiB, evidenceMaxUploads, evidenceMaxUploadsPerAccount, evidenceBufferMiB, evidenceBufferWaitSeconds, evidenceBufferAccountMiB,
        evidenceStore, s3Endpoint, s3Region, s3Bucket, s3AccessKeyId, s3SecretAccessKey, s3CredentialsFile, s3CAFile, smtpURL, mailFrom, smtpCAFile,
        http, httpHosts, httpIdleSeconds, httpSecureCookies, webRoot, session, xdgConfigHome,
    ]

    /// The environment variable of each config key.
    static let environmentNames: [String: String] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0.environment) })

    /// The README table of every setting (Markdown).
    public static var markdownTable: String {
        var lines = ["| key in the config file | environment | flag | default | meaning |", "| --- | --- | --- | --- | --- |"]
        for spec in all {
            lines.append("| `\(spec.key)` | `\(spec.environment)` | \(spec.flag.map { "`\($0)`" } ?? "") | \(spec.defaultText) | \(spec.meaning) |")
        }
        return lines.joined(separator: "\n")
    }
}
