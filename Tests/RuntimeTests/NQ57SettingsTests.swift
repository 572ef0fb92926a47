import Foundation
import Logging
import Testing
@testable import NQ57Runtime

/// Settings come from defaults, then the config file, then the environment, then flags.
struct NQ57SettingsTests {
    private func options(_ arguments: [String]) throws -> ServiceOptions {
        try ServiceOptions.parse(arguments)
    }

    private func configFile(_ json: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nq57-config-\(UUID()).json")
        try Data(json.utf8).write(to: file)
        return file
    }

    @Test("Defaults put everything under ./.nq57 with internal sockets in run/internal")
    func defaults() throws {
        let settings = try NQ57Settings.resolve(service: "tasks", options: options([]), environment: [:])
        let root = URL(fileURLWithPath: "./.nq57").standardizedFileURL.path
        #expect(settings.dataRoot == root)
        #expect(settings.serviceDirectory == "\(root)/tasks")
        #expect(settings.socketPath == "\(root)/run/internal/tasks.sock")
        #expect(settings.logLevel == .info)
        #expect(settings.maxFrameBytes == 16 * 1024 * 1024)
        #expect(settings.today == nil && settings.parentProcess == nil && settings.adminPassword == nil)
        #expect(settings.auth == NQ57Settings.Auth())
        #expect(settings.evidence == NQ57Settings.Evidence(maxMiB: 100, maxUploads: 1000, maxUploadsPerAccount: 20, bufferMiB: 512, bufferWaitSeconds: 20))
        #expect(settings.web == NQ57Settings.Web(address: nil, hosts: [], idleSeconds: 60, secureCookies: false, root: nil))
        let gateway = try NQ57Settings.resolve(service: "gateway", options: options([]), environment: [:])
        #expect(gateway.socketPath == "\(root)/run/gateway.sock")
    }

    @Test("Flags beat the environment, which beats the file")
    func layering() throws {
        let file = try configFile(#"{"data":"/srv/file","logLevel":"error","maxFrameBytes":2048,"callTimeout":5}"#)
        defer { try? FileManager.default.removeItem(at: file) }

        let fromFile = try NQ57Settings.resolve(service: "auth", options: options(["--config", file.path]), environment: [:])
        #expect(fromFile.dataRoot == "/srv/file")
        #expect(fromFile.logLevel == .error)
        #expect(fromFile.maxFrameBytes == 2048)
        #expect(fromFile.callTimeoutSeconds == 5)

        let environment = ["NQ57_CONFIG": file.path, "NQ57_HOME": "/srv/env", "NQ57_LOG_LEVEL": "debug"]
        let fromEnvironment = try NQ57Settings.resolve(service: "auth", options: options([]), environment: environment)
        #expect(fromEnvironment.dataRoot == "/srv/env")
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.maxFrameBytes == 2048)

        let fromFlags = try NQ57Settings.resolve(service: "auth", options: options(["--data", "/srv/flag", "--log-level", "trace"]),
                                                 environment: environment)
        #expect(fromFlags.dataRoot == "/srv/flag")
        #expect(fromFlags.logLevel == .trace)
        #expect(fromFlags.socketPath == "/srv/flag/run/internal/auth.sock")
    }

    @Test("Every service's own settings are read under their historical names, and from the file under nested keys")
    func serviceSettings() throws {
        let environment = [
            "NQ57_ACCESS_TOKEN_SECONDS": "60", "NQ57_REFRESH_TOKEN_HOURS": "2", "NQ57_LOCKOUT_ATTEMPTS": "3",
            "NQ57_LOCKOUT_MINUTES": "1.5", "NQ57_SCRYPT_LOG_N": "10", "NQ57_ADMIN_PASSWORD": "mat-khau-dai-du",
            "NQ57_EVIDENCE_MAX_MIB": "7", "NQ57_HTTP": "127.0.0.1:0", "NQ57_HTTP_HOSTS": "a.gov.vn, b.gov.vn",
            "NQ57_HTTP_IDLE_SECONDS": "9", "NQ57_HTTP_SECURE_COOKIES": "1", "NQ57_WEB_ROOT": "/srv/web",
            "NQ57_NOW": "2025-12-15", "NQ57_PARENT_PID": "4242", "NQ57_SESSION": "/tmp/s.json",
            "NQ57_OIDC_ISSUER": "https://id.example", "NQ57_OIDC_AUDIENCE": "nq57", "NQ57_OIDC_JWKS_FILE": "/srv/jwks.json",
        ]
        let settings = try NQ57Settings.resolve(service: "auth", options: options([]), environment: environment)
        #expect(settings.auth == NQ57Settings.Auth(accessTokenSeconds: 60, refreshTokenHours: 2, lockoutAttempts: 3,
                                                   lockoutMinutes: 1.5, scryptLogN: 10))
        #expect(settings.adminPassword == "mat-khau-dai-du")
        #expect(settings.evidence.maxMiB == 7)
        #expect(settings.web == NQ57Settings.Web(address: "127.0.0.1:0", hosts: ["a.gov.vn", "b.gov.vn"], idleSeconds: 9,
                                                 secureCookies: true, root: "/srv/web"))
        #expect(settings.today == "2025-12-15" && settings.clock.today == "2025-12-15")
        #expect(settings.parentProcess == 4242)
        #expect(settings.sessionFile == "/tmp/s.json")
        #expect(settings.identityProvider.idTokenCheck?.jwksPath == "/srv/jwks.json")

        let file = try configFile(#"{"evidence":{"maxUploads":50,"maxUploadsPerAccount":5,"bufferMib":256,"bufferWaitSeconds":45,"bufferAccountMib":100},"oidc":{"audience":"nq57"},"httpSecureCookies":true}"#)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try NQ57Settings.resolve(service: "evidence", options: options(["--config", file.path]), environment: [:])
        #expect(fromFile.evidence == NQ57Settings.Evidence(maxMiB: 100, maxUploads: 50, maxUploadsPerAccount: 5, bufferMiB: 256, bufferWaitSeconds: 45, bufferAccountMiB: 100))
        #expect(fromFile.identityProvider.audience == "nq57")
        #expect(fromFile.web.secureCookies)
    }

    @Test("Services given the same NQ57_NOW_STARTED agree on the time, whenever each started; without it each clock starts with its process")
    func sharedDayClock() throws {
        let nineOClock = try #require(NQ57Clock.parseDay("2026-11-24")).addingTimeInterval(9 * 3600)
        // `nq57 up` started the day's clock 200 s ago; a service restarted just now reads the same time as one that ran all along.
        let started = Date().addingTimeInterval(-200)
        let environment = ["NQ57_NOW": "2026-11-24", "NQ57_NOW_STARTED": String(started.timeIntervalSince1970)]
        let restarted = try NQ57Settings.resolve(service: "auth", options: options([]), environment: environment)
        #expect(abs(restarted.clock.now.timeIntervalSince(nineOClock) - 200) < 5)
        let alone = try NQ57Settings.resolve(service: "auth", options: options([]), environment: ["NQ57_NOW": "2026-11-24"])
        #expect(abs(alone.clock.now.timeIntervalSince(nineOClock)) < 5)
        #expect(throws: SettingsError.self) {
            _ = try NQ57Settings.resolve(service: "auth", options: options([]), environment: ["NQ57_NOW": "2026-11-24", "NQ57_NOW_STARTED": "hôm qua"])
        }
    }

    @Test("An empty variable counts as unset (compose passes `${NQ57_ADMIN_PASSWORD:-}`)")
    func emptyIsUnset() throws {
        let settings = try NQ57Settings.resolve(service: "auth", options: options([]), environment: [
            "NQ57_ADMIN_PASSWORD": "", "NQ57_OIDC_ISSUER": "", "NQ57_OIDC_AUDIENCE": "", "NQ57_OIDC_JWKS_FILE": "", "NQ57_LOCKOUT_MINUTES": "",
        ])
        #expect(settings.adminPassword == nil)
        #expect(settings.identityProvider.idTokenCheck == nil)
        #expect(settings.auth.lockoutMinutes == 15)
    }

    @Test("Unusable settings are refused with a reason that names them", arguments: [
        // A word that is not a level.
        (["--log-level", "loud"], [String: String](), "NQ57_LOG_LEVEL"),
        ([], ["NQ57_LOG_LEVEL": "loud"], "NQ57_LOG_LEVEL"),
        // A number out of its range, from a flag and from the environment.
        (["--max-frame-bytes", "10"], [:], "NQ57_MAX_FRAME_BYTES"),
        ([], ["NQ57_SCRYPT_LOG_N": "30"], "NQ57_SCRYPT_LOG_N"),
        ([], ["NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT": "0"], "NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT"),
        // Less memory than one S3 upload's parts.
        ([], ["NQ57_EVIDENCE_BUFFER_MIB": "16"], "NQ57_EVIDENCE_BUFFER_MIB"),
        ([], ["NQ57_EVIDENCE_BUFFER_WAIT_SECONDS": "0"], "NQ57_EVIDENCE_BUFFER_WAIT_SECONDS"),
        ([], ["NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB": "0"], "NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB"),
        ([], ["NQ57_PARENT_PID": "1"], "NQ57_PARENT_PID"),
        // Zero or negative where it must be positive.
        (["--idle-timeout", "0"], [:], "NQ57_IDLE_TIMEOUT"),
        ([], ["NQ57_ACCESS_TOKEN_SECONDS": "-5"], "NQ57_ACCESS_TOKEN_SECONDS"),
        ([], ["NQ57_HTTP_IDLE_SECONDS": "0"], "NQ57_HTTP_IDLE_SECONDS"),
        // Not a number at all, or not a whole one.
        ([], ["NQ57_MAX_FRAME_BYTES": "lots"], "NQ57_MAX_FRAME_BYTES"),
        ([], ["NQ57_LOCKOUT_ATTEMPTS": "2.5"], "NQ57_LOCKOUT_ATTEMPTS"),
        ([], ["NQ57_EVIDENCE_MAX_MIB": "x"], "NQ57_EVIDENCE_MAX_MIB"),
        // Not a yes or no.
        ([], ["NQ57_HTTP_SECURE_COOKIES": "maybe"], "NQ57_HTTP_SECURE_COOKIES"),
        // Not a day, not an address.
        ([], ["NQ57_NOW": "2025-02-30"], "NQ57_NOW"),
        ([], ["NQ57_HTTP": "8057"], "NQ57_HTTP"),
        ([], ["NQ57_HTTP": "127.0.0.1:99999"], "NQ57_HTTP"),
        // An identity provider set up by halves.
        ([], ["NQ57_OIDC_ISSUER": "https://id.example", "NQ57_OIDC_AUDIENCE": "nq57"], "NQ57_OIDC_JWKS_FILE"),
        ([], ["NQ57_OIDC_AUTHORIZE_URL": "https://id.example/a", "NQ57_OIDC_TOKEN_URL": "https://id.example/t",
              "NQ57_OIDC_REDIRECT_URL": "https://nq57/cb"], "NQ57_OIDC_AUDIENCE"),
        // A config file that is not there.
        ([], ["NQ57_CONFIG": "/nonexistent/nq57.json"], "/nonexistent/nq57.json"),
    ])
    func refused(arguments: [String], environment: [String: String], named: String) throws {
        let error = #expect(throws: SettingsError.self) {
            try NQ57Settings.resolve(service: "tasks", options: try options(arguments), environment: environment)
        }
        #expect(error?.description.contains(named) == true, "\(error?.description ?? "")")
    }

    @Test("A config file that is not JSON, or holds a value of the wrong kind or out of range, is refused", arguments: [
        "{ not json", #"{"maxFrameBytes":"big"}"#, #"{"idleTimeout":-1}"#, #"{"evidence":{"maxMib":0}}"#, #"{"httpSecureCookies":"sometimes"}"#,
    ])
    func refusedFile(json: String) throws {
        let file = try configFile(json)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: SettingsError.self) {
            try NQ57Settings.resolve(service: "tasks", options: try options(["--config", file.path]), environment: [:])
        }
    }

    @Test("A secret's value never appears in a refusal")
    func secretsStaySecret() throws {
        let error = #expect(throws: SettingsError.self) {
            try NQ57Settings.resolve(service: "gateway", options: try options([]),
                                     environment: ["NQ57_OIDC_CLIENT_SECRET": "s3cr3t-value", "NQ57_OIDC_AUTHORIZE_URL": "https://id/a"])
        }
        #expect(error?.description.contains("s3cr3t-value") == false)
    }

    @Test("Every setting in the catalog has its own key and its own variable")
    func catalogIsConsistent() {
        #expect(Set(SettingsCatalog.all.map(\.key)).count == SettingsCatalog.all.count)
        #expect(Set(SettingsCatalog.all.map(\.environment)).count == SettingsCatalog.all.count)
        #expect(SettingsCatalog.markdownTable.split(separator: "\n").count == SettingsCatalog.all.count + 2)
    }
}
