import Configuration
import Foundation
import Logging
import NIOCore
import NQ57Wire

/// Every setting of every nq57 executable, resolved once at start: a flag beats the
/// environment, which beats the JSON config file (`--config`, `NQ57_CONFIG`), which beats
/// the default (`SettingsCatalog` lists them all). A value that is set but unusable stops
/// the process with a `SettingsError` naming it; nothing is silently replaced by a default.
public struct NQ57Settings: Sendable {
    /// The data root (`--data`, `NQ57_HOME`, default `./.nq57`), absolute.
    public var dataRoot: String
    /// This executable's own folder: `dataRoot/<service>`.
    public var serviceDirectory: String
    /// The socket this process listens on (the CLI: the gateway's socket).
    public var socketPath: String
    /// Where the backends' sockets are (`dataRoot/run/internal`).
    public var internalDirectory: String
    /// Log level.
    public var logLevel: Logger.Level
    /// Largest frame, in bytes.
    public var maxFrameBytes: Int
    /// Idle connection timeout, in seconds.
    public var idleTimeoutSeconds: Double
    /// Longest forwarded call at the gateway, in seconds.
    public var callTimeoutSeconds: Double
    /// The day every service takes as today (`NQ57_NOW`, yyyy-MM-dd), or nil for the real one.
    public var today: String?
    /// The process whose child this one must stay (`NQ57_PARENT_PID`, set by `nq57 up`).
    public var parentProcess: Int32?
    /// The first admin's password on an empty database (`NQ57_ADMIN_PASSWORD`).
    public var adminPassword: String?
    /// The auth service's token lifetimes, lockout and hashing cost.
    public var auth: Auth
    /// The VNeID-style identity provider.
    public var identityProvider: IdentityProvider
    /// The evidence service's limits.
    public var evidence: Evidence
    /// The gateway's HTTP side.
    public var web: Web
    /// Where reminder digests are mailed from and through.
    public var mail: Mail
    /// The CLI's saved login.
    public var sessionFile: String
    /// The clock of every rule that depends on time: the system's, or one that started at
    /// 09:00 of `today` in Asia/Ho_Chi_Minh when the settings were resolved.
    public var clock: NQ57Clock

    /// The auth service's settings.
    public struct Auth: Sendable, Equatable {
        public var accessTokenSeconds: Double = 300
        public var refreshTokenHours: Double = 12
        public var lockoutAttempts: Int = 5
        public var lockoutMinutes: Double = 15
        public var scryptLogN: Int = 15
    }

    /// Where the OpenID Connect provider is; each field nil when unset.
    public struct IdentityProvider: Sendable, Equatable {
        public var issuer: String?
        public var audience: String?
        public var jwksFile: String?
        public var authorizeURL: String?
        public var tokenURL: String?
        public var redirectURL: String?
        public var clientSecret: String?

        /// What the auth service needs to check ID tokens, or nil when it is not configured.
        public var idTokenCheck: (issuer: String, audience: String, jwksPath: String)? {
            guard let issuer, let audience, let jwksFile else { return nil }
            return (issuer, audience, jwksFile)
        }
    }

    /// The evidence service's limits.
    public struct Evidence: Sendable, Equatable {
        public var maxMiB: Int = 100
        public var maxUploads: Int = 1000
        public var maxUploadsPerAccount: Int = 20
        /// Memory for file bytes held at once (upload parts, read chunks), MiB.
        public var bufferMiB: Int = 512
        /// How long a call waits for that memory before it answers busy, seconds.
        public var bufferWaitSeconds: Int = 20
        /// The most of that memory one account holds at once, MiB; nil: a quarter of it.
        public var bufferAccountMiB: Int?
        /// The S3-compatible bucket that keeps the files, or nil: the local folder.
        public var objectStore: ObjectStore?
    }

    /// The evidence service's S3-compatible store. Its description never shows the secret.
    public struct ObjectStore: Sendable, Equatable, CustomStringConvertible {
        public var endpoint: String
        public var region: String
        public var bucket: String
        public var accessKeyId: String
        public var secretAccessKey: String
        public var caFile: String?

        public var description: String { "S3 \(endpoint) bucket \(bucket) region \(region) key \(accessKeyId)" }
    }

    /// The mail relay of the reminder digests.
    public struct Mail: Sendable, Equatable {
        /// `smtp://host:port`, or nil: no mail.
        public var relayURL: String?
        /// The sender's address.
        public var from = "nhac-viec@nq57.invalid"
        /// PEM file of the roots that may sign the relay's certificate; nil: the system's.
        public var caFile: String?
    }

    /// The gateway's HTTP side.
    public struct Web: Sendable, Equatable {
        /// `HOST:PORT` to listen on, `off`, or nil when unset (the gateway: off; `nq57 up`: 127.0.0.1:8057).
        public var address: String?
        /// Public names answered besides the listening address.
        public var hosts: [String] = []
        /// Seconds after which a silent HTTP connection is closed.
        public var idleSeconds: Int = 60
        /// Whether session cookies are marked Secure.
        public var secureCookies = false
        /// The folder of the console's files, or nil for those built in.
        public var root: String?
    }

    /// The wire limits these settings imply.
    public var limits: WireLimits {
        WireLimits(maxFrameBytes: maxFrameBytes, idleTimeout: .nanoseconds(Int64(idleTimeoutSeconds * 1e9)))
    }

    /// Resolves the settings of `service` ("gateway", "auth", …) from the service flags.
    public static func resolve(service: String, options: ServiceOptions,
                               environment: [String: String] = ProcessEnvironment.current) throws -> NQ57Settings {
        try resolve(service: service, flags: options.values, environment: environment)
    }

    /// Resolves the settings of `service` with the text flags `given` (each setting with the
    /// value its flag was given, or nil when it was not) on top.
    public static func resolve(service: String, given: [(SettingSpec, String?)],
                               environment: [String: String] = ProcessEnvironment.current) throws -> NQ57Settings {
        var flags: [String: ConfigValue] = [:]
        for case let (spec, value?) in given { flags[spec.key] = ConfigValue(.string(value), isSecret: false) }
        return try resolve(service: service, flags: flags, environment: environment)
    }

    /// Resolves the settings of `service` from `flags` (config keys to the values given on
    /// the command line), `environment` and the config file either names.
    public static func resolve(service: String, flags: [String: ConfigValue],
                               environment: [String: String] = ProcessEnvironment.current) throws -> NQ57Settings {
        var configPath: String?
        if case .string(let path) = flags[SettingsCatalog.config.key]?.content { configPath = path }
        configPath = configPath ?? environment[SettingsCatalog.config.environment].flatMap { $0.isEmpty ? nil : $0 }
        let read = try SettingsSources.reader(flags: flags, environment: environment, configPath: configPath)
        let catalog = SettingsCatalog.self

        let absoluteRoot = URL(fileURLWithPath: try read.string(catalog.data) ?? "./.nq57").standardizedFileURL.path
        let internalDirectory = try read.string(catalog.internalDir) ?? "\(absoluteRoot)/run/internal"
        let defaultSocket = ["gateway", "cli"].contains(service) ? "\(absoluteRoot)/run/gateway.sock" : "\(internalDirectory)/\(service).sock"
        let socket = try read.string(catalog.socket) ?? defaultSocket

        let levelText = try read.string(catalog.logLevel) ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw SettingsError(catalog.logLevel, "\"\(levelText)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        let maxFrame = try read.int(catalog.maxFrameBytes, in: 1024...(1 << 30)) ?? 16 * 1024 * 1024
        let idle = try read.positive(catalog.idleTimeout) ?? 300
        let callTimeout = try read.positive(catalog.callTimeout) ?? 30

        let today = try read.string(catalog.now)
        if let today, NQ57Clock.parseDay(today) == nil {
            throw SettingsError(catalog.now, "must be a day written yyyy-MM-dd, not \"\(today)\"")
        }
        let started = try read.double(catalog.nowStarted).map { Date(timeIntervalSince1970: $0) }
        let parent = try read.int(catalog.parentPid, in: 2...Int(Int32.max)).map(Int32.init)

        var auth = Auth()
        auth.accessTokenSeconds = try read.positive(catalog.accessTokenSeconds) ?? auth.accessTokenSeconds
        auth.refreshTokenHours = try read.positive(catalog.refreshTokenHours) ?? auth.refreshTokenHours
        auth.lockoutAttempts = try read.int(catalog.lockoutAttempts, in: 1...1_000_000) ?? auth.lockoutAttempts
        auth.lockoutMinutes = try read.positive(catalog.lockoutMinutes) ?? auth.lockoutMinutes
        auth.scryptLogN = try read.int(catalog.scryptLogN, in: 10...20) ?? auth.scryptLogN

        let identity = try IdentityProvider(
            issuer: read.string(catalog.oidcIssuer), audience: read.string(catalog.oidcAudience), jwksFile: read.string(catalog.oidcJwksFile),
            authorizeURL: read.string(catalog.oidcAuthorizeURL), tokenURL: read.string(catalog.oidcTokenURL),
            redirectURL: read.string(catalog.oidcRedirectURL), clientSecret: read.string(catalog.oidcClientSecret))
        try identity.checkComplete()

        var evidence = Evidence()
        evidence.maxMiB = try read.int(catalog.evidenceMaxMiB, in: 1...(1 << 20)) ?? evidence.maxMiB
        evidence.maxUploads = try read.int(catalog.evidenceMaxUploads, in: 1...1_000_000) ?? evidence.maxUploads
        evidence.maxUploadsPerAccount = try read.int(catalog.evidenceMaxUploadsPerAccount, in: 1...1_000_000) ?? evidence.maxUploadsPerAccount
        evidence.bufferMiB = try read.int(catalog.evidenceBufferMiB, in: 32...(1 << 20)) ?? evidence.bufferMiB
        evidence.bufferWaitSeconds = try read.int(catalog.evidenceBufferWaitSeconds, in: 1...600) ?? evidence.bufferWaitSeconds
        evidence.bufferAccountMiB = try read.int(catalog.evidenceBufferAccountMiB, in: 1...(1 << 20))
        evidence.objectStore = try ObjectStore.read(read)

        var web = Web()
        web.address = try read.string(catalog.http)
        if let address = web.address, address != "off" {
            guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]), (0...65535).contains(port) else {
                throw SettingsError(catalog.http, "must be HOST:PORT or off, not \"\(address)\"")
            }
        }
        web.hosts = try read.strings(catalog.httpHosts)?.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
        web.idleSeconds = try read.int(catalog.httpIdleSeconds, in: 1...86_400) ?? web.idleSeconds
        web.secureCookies = try read.bool(catalog.httpSecureCookies) ?? false
        web.root = try read.string(catalog.webRoot)

        var mail = Mail()
        mail.relayURL = try read.string(catalog.smtpURL)
        if let url = mail.relayURL, !url.hasPrefix("smtp://") || url.count <= "smtp://".count {
            throw SettingsError(catalog.smtpURL, "must be smtp://host:port, not \"\(url)\"")
        }
        mail.from = try read.string(catalog.mailFrom) ?? mail.from
        guard mail.from.contains("@"), !mail.from.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw SettingsError(catalog.mailFrom, "must be a mail address like nhac-viec@dongnai.gov.vn, not \"\(mail.from)\"")
        }
        mail.caFile = try read.string(catalog.smtpCAFile)

        let configHome = try read.string(catalog.xdgConfigHome) ?? "\(NSHomeDirectory())/.config"
        let sessionFile = try read.string(catalog.session) ?? "\(configHome)/nq57/session.json"

        return NQ57Settings(
            dataRoot: absoluteRoot, serviceDirectory: "\(absoluteRoot)/\(service)",
            socketPath: URL(fileURLWithPath: socket).standardizedFileURL.path,
            internalDirectory: URL(fileURLWithPath: internalDirectory).standardizedFileURL.path,
            logLevel: level, maxFrameBytes: maxFrame, idleTimeoutSeconds: idle, callTimeoutSeconds: callTimeout,
            today: today, parentProcess: parent, adminPassword: try read.string(catalog.adminPassword),
            auth: auth, identityProvider: identity, evidence: evidence, web: web, mail: mail, sessionFile: sessionFile,
            clock: today.flatMap { NQ57Clock.startingOn($0, since: started) } ?? .system)
    }
}

extension NQ57Settings.IdentityProvider {
    /// Refuses a provider set up by halves: the ID-token check (issuer, JWKS file) and the
    /// browser flow (authorize, token and redirect addresses) each need all their parts and
    /// the audience, or none of them.
    func checkComplete() throws {
        let catalog = SettingsCatalog.self
        let check: [(SettingSpec, String?)] = [(catalog.oidcIssuer, issuer), (catalog.oidcJwksFile, jwksFile)]
        let flow: [(SettingSpec, String?)] = [(catalog.oidcAuthorizeURL, authorizeURL), (catalog.oidcTokenURL, tokenURL),
                                              (catalog.oidcRedirectURL, redirectURL)]
        for group in [check, flow] where group.contains(where: { $0.1 != nil }) {
            for (spec, value) in group + [(catalog.oidcAudience, audience)] where value == nil {
                let named = group.filter { $0.1 != nil }.map(\.0.environment).joined(separator: ", ")
                throw SettingsError(spec, "is needed too once \(named) is set")
            }
        }
    }
}
