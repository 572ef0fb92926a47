import Foundation

/// `auth.changePassword`: the caller changes their own password. Every session of the account
/// ends (tokens that carry the old state die with them) and the answer is a fresh login.
public enum AuthChangePassword: APIMethod {
    public static let name = "auth.changePassword"
    public static let summary =
        "Change one's own password (the current one, then the new one); every session of the account ends and a new one is returned."
    public static let policy = AccessPolicy.loggedIn
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var currentPassword: String
        public var newPassword: String
        public init(currentPassword: String, newPassword: String) {
            self.currentPassword = currentPassword
            self.newPassword = newPassword
        }
        public static var fieldDocs: [String: String] {
            [
                "currentPassword": "the password now (a wrong one counts towards the lockout)",
                "newPassword": "the new password (at least 10 characters, not the current one)",
            ]
        }
    }

    public typealias Result = LoginResult
}

/// `auth.users.resetPassword`: an admin gives an account they administer a temporary password;
/// the account's sessions end, and its next login must change the password before anything else.
public enum AuthUsersResetPassword: APIMethod {
    public static let name = "auth.users.resetPassword"
    public static let summary =
        "Give an account a temporary password (generated unless given); its sessions end and it must change the password at its next login."
    /// Admin anywhere at the gateway; the auth service then checks that the account (its unit
    /// and every role it holds) is within the caller's reach.
    public static let policy = AccessPolicy(roles: [.admin], scope: .anywhere)
    public static let writes = true

    public struct Params: Codable, Sendable, ShapeDocumented {
        public var username: String
        public var password: String?
        public init(username: String, password: String? = nil) {
            self.username = username
            self.password = password
        }
        public static var fieldDocs: [String: String] {
            ["username": "the account", "password": "the temporary password (at least 10 characters); generated when absent"]
        }
    }

    public struct Result: Codable, Sendable, Equatable, ShapeDocumented {
        public var account: AccountSummary
        /// The generated password, shown once; absent when the caller gave one.
        public var temporaryPassword: String?
        public init(account: AccountSummary, temporaryPassword: String?) {
            self.account = account
            self.temporaryPassword = temporaryPassword
        }
        public static var fieldDocs: [String: String] {
            ["account": "the account after the reset", "temporaryPassword": "the generated temporary password (only when none was given)"]
        }
    }
}
