import Foundation

/// `auth.login`: username and password in, tokens out. The same refusal for an unknown
/// user and a wrong password; five failures in a row lock the account for a while.
public enum AuthLogin: APIMethod {
    public static let name = "auth.login"
    public static let summary = "Log in with username and password; returns an access token and a refresh token."
    public static let policy = AccessPolicy.open
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var username: String
        public var password: String
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
        public static var fieldDocs: [String: String] { ["username": "login name", "password": "password"] }
    }

    public typealias Result = LoginResult
}

/// `auth.loginWithIdentity`: log in with an OpenID Connect ID token from the VNeID-style
/// identity provider; the personal identification number in it must belong to an account.
public enum AuthLoginWithIdentity: APIMethod {
    public static let name = "auth.loginWithIdentity"
    public static let summary = "Log in with an ID token from the configured identity provider (VNeID-style OpenID Connect); only the gateway calls it, in its own login flow, with the nonce it issued; each ID token logs in once."
    public static let policy = AccessPolicy.gatewayOnly
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var idToken: String
        public var nonce: String
        public init(idToken: String, nonce: String) {
            self.idToken = idToken
            self.nonce = nonce
        }
        public static var fieldDocs: [String: String] {
            ["idToken": "the provider's ID token (JWT)", "nonce": "the nonce this login sent to the provider"]
        }
    }

    public typealias Result = LoginResult
}

/// `auth.refresh`: a refresh token for a new access token (and a new refresh token; the old
/// one stops working).
public enum AuthRefresh: APIMethod {
    public static let name = "auth.refresh"
    public static let summary = "Exchange a refresh token for a new access token and refresh token."
    public static let policy = AccessPolicy.open
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var refreshToken: String
        public init(refreshToken: String) { self.refreshToken = refreshToken }
        public static var fieldDocs: [String: String] { ["refreshToken": "the refresh token from the last login or refresh"] }
    }

    public typealias Result = LoginResult
}

/// `auth.logout`: ends the caller's session everywhere within seconds.
public enum AuthLogout: APIMethod {
    public static let name = "auth.logout"
    public static let summary = "End the caller's session; its tokens stop working everywhere within 5 seconds."
    public static let policy = AccessPolicy.loggedIn
    public static let writes = true
    public typealias Params = Empty
    public typealias Result = Empty
}

/// `auth.whoami`: the caller's account and roles.
public enum AuthWhoAmI: APIMethod {
    public static let name = "auth.whoami"
    public static let summary = "The caller's account and roles."
    public static let policy = AccessPolicy.loggedIn
    public typealias Params = Empty
    public typealias Result = AccountSummary
}

/// `auth.keys`: the public key the gateway verifies access tokens with.
public enum AuthKeys: APIMethod {
    public static let name = "auth.keys"
    public static let summary = "The auth service's public signing key (PEM), for the gateway."
    public static let policy = AccessPolicy.gatewayOnly
    public typealias Params = Empty

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var algorithm: String
        public var publicKeyPEM: String
        public var issuer: String
        public init(algorithm: String, publicKeyPEM: String, issuer: String) {
            self.algorithm = algorithm
            self.publicKeyPEM = publicKeyPEM
            self.issuer = issuer
        }
        public static var fieldDocs: [String: String] {
            ["algorithm": "ES256", "publicKeyPEM": "public key, PEM", "issuer": "the iss of access tokens"]
        }
    }
}

/// `auth.revocations`: sessions ended since a point in the revocation log, so the gateway
/// stops honouring their access tokens.
public enum AuthRevocations: APIMethod {
    public static let name = "auth.revocations"
    public static let summary = "Sessions revoked after the given position of the revocation log, for the gateway."
    public static let policy = AccessPolicy.gatewayOnly

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var after: Int64
        public init(after: Int64) { self.after = after }
        public static var fieldDocs: [String: String] { ["after": "last position already seen (0 for all)"] }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var last: Int64
        public var sessions: [String]
        public init(last: Int64, sessions: [String]) {
            self.last = last
            self.sessions = sessions
        }
        public static var fieldDocs: [String: String] {
            ["last": "position of the newest revocation", "sessions": "session ids revoked after `after`"]
        }
    }
}
