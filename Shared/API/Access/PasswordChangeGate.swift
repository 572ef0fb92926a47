import NQ57Wire

/// After an admin reset, an account must change its password before anything else: its
/// access token says so (`Caller.mustChangePassword`), and every call but changing the
/// password, asking who it is and logging out is refused. Public methods stay open, as they
/// are to anyone without logging in.
public enum PasswordChangeGate {
    /// The methods an account that must change its password may still call.
    public static let allowedMethods: Set<String> = [AuthChangePassword.name, AuthWhoAmI.name, AuthLogout.name]

    /// The refusal for `caller` calling `method` (with `policy`), or nil when the call may go on.
    public static func refusal(method: String, policy: AccessPolicy, caller: Caller) -> RPCError? {
        guard caller.mustChangePassword, policy.scope != .public, !allowedMethods.contains(method) else { return nil }
        return required
    }

    /// The refusal itself.
    public static let required = RPCError(.failedPrecondition, "Bạn cần đổi mật khẩu trước khi tiếp tục.",
                                          details: ["mustChangePassword": "true", "method": AuthChangePassword.name])
}
