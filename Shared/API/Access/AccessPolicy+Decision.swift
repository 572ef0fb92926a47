extension AccessPolicy {
    /// Whether `caller` may make a call under this policy about the unit at `unitPath` (nil
    /// when the call names no unit). The one rule the gateway enforces and services re-check.
    public func permits(_ caller: Caller, unitPath: String?) -> Bool {
        switch scope {
        case .public: true
        case .authenticated: caller.isAuthenticated
        case .internal: false
        case .anywhere: caller.grants.contains { roles.contains($0.role) }
        case .ownUnit: unitPath.map { caller.holds(roles, at: $0) } ?? false
        case .unitOrAbove: unitPath.map { caller.holds(roles, over: $0) } ?? false
        }
    }
}
