import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Tokens

/// The `nq57-auth` service: units, accounts, roles, login, sessions and tokens, the
/// identity provider, and the audit log.
public enum AuthService {
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .auth,
        migrations: { migrator in AuthSchema.register(&migrator) },
        routes: { environment in
            let configuration = AuthConfiguration(settings: environment.settings)
            let authority = try await makeAuthority(environment: environment, configuration: configuration)
            if let password = try authority.bootstrapAdmin() {
                FileHandle.standardError.write(Data("""
                    nq57-auth: đã tạo tài khoản quản trị đầu tiên "admin" với mật khẩu: \(password)
                    nq57-auth: mật khẩu này chỉ hiện một lần; hãy lưu lại và đổi sau khi đăng nhập.

                    """.utf8))
            }
            return authority.routes
        }
    )

    /// Builds the authority: loads (or creates) the signing key and the identity provider.
    public static func makeAuthority(environment: ServiceEnvironment, configuration: AuthConfiguration) async throws -> AuthAuthority {
        let keyPath = "\(environment.settings.serviceDirectory)/signing-key.pem"
        let signer = try await AccessTokenSigner(privateKeyPEM: try SigningKeyFile.load(path: keyPath))
        var identity: IdentityLogin?
        if let provider = configuration.identityProvider {
            identity = try await IdentityLogin(issuer: provider.issuer, audience: provider.audience,
                                               jwksJSON: String(contentsOfFile: provider.jwksPath, encoding: .utf8))
        }
        return AuthAuthority(database: environment.database, signer: signer, configuration: configuration,
                             clock: environment.clock, identity: identity, logger: environment.logger)
    }
}

/// The auth service's private signing key: created once (mode 0600) and kept, so tokens
/// stay valid across restarts.
enum SigningKeyFile {
    static func load(path: String) throws -> String {
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) { return existing }
        let pem = AccessTokenSigner.generatePrivateKeyPEM()
        guard FileManager.default.createFile(atPath: path, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw SigningKeyError(path: path)
        }
        return pem
    }
}

/// The signing key file could not be written.
struct SigningKeyError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot write the signing key to \(path)" }
}
