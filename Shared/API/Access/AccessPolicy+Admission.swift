import NQ57Wire

/// Where a policy is being checked: at the gateway (the door for clients) or at the backend
/// that owns the method (the re-check behind it).
public enum PolicyCheckpoint: Sendable {
    /// The gateway: internal methods are never for its clients.
    case gateway
    /// A backend, for a call that names its caller (the gateway always does, anonymous
    /// included, and so does a service passing on a person's call): as at the gateway.
    case backend
    /// A backend, for a call that names no caller at all: another service on the internal
    /// socket. Only such calls reach internal methods.
    case service
}

extension AccessPolicy {
    /// The unit a call is about: the non-empty string in the policy's unit field, or nil for
    /// a policy that names no unit. A missing or empty field is `invalid_argument`.
    public func unitId(in params: RawJSON) throws(RPCError) -> String? {
        guard let field = unitField, scope == .ownUnit || scope == .unitOrAbove else { return nil }
        guard case .string(let value) = try params.stringMember(field), !value.isEmpty else {
            throw RPCError(.invalidArgument, "Thiếu trường bắt buộc \"\(field)\" (mã đơn vị).", details: ["field": field, "problem": "missing"])
        }
        return value
    }

    /// Admits `caller` to a call under this policy about `unitId` (at `unitPath`, nil when no
    /// such unit exists), or throws the refusal: the one decision the gateway makes on every
    /// call and every backend makes again.
    /// With `method`, a caller who must change their password is also held to that
    /// (`PasswordChangeGate`).
    public func admit(_ caller: Caller, unitId: String?, unitPath: String?, at checkpoint: PolicyCheckpoint,
                      method: String? = nil) throws(RPCError) {
        if scope == .internal {
            guard checkpoint == .service else {
                throw RPCError(.permissionDenied, "Phương thức này chỉ dùng nội bộ giữa các dịch vụ.")
            }
            return
        }
        if scope != .public && !caller.isAuthenticated {
            throw RPCError(.unauthenticated, "Cần đăng nhập để thực hiện thao tác này.")
        }
        if let unitId, unitPath == nil {
            throw RPCError(.notFound, "Không có đơn vị \"\(unitId)\".", details: ["unit": unitId])
        }
        guard permits(caller, unitPath: unitPath) else {
            throw RPCError(.permissionDenied, "Bạn không có quyền thực hiện thao tác này với đơn vị này.")
        }
        if let method, let refusal = PasswordChangeGate.refusal(method: method, policy: self, caller: caller) {
            throw refusal
        }
    }
}
