import NQ57API
import NQ57Wire

/// The auth service's method table: each method of the API bound to its rule.
enum AuthRoutes {
    static func make(_ authority: AuthAuthority) -> MethodRoutes {
        var routes = MethodRoutes()
        routes.on(AuthLogin.self) { params, _ in try await authority.login(params) }
        routes.on(AuthLoginWithIdentity.self) { params, _ in try await authority.login(params) }
        routes.on(AuthRefresh.self) { params, _ in try await authority.refresh(params) }
        routes.on(AuthLogout.self) { _, context in
            try await authority.logout(caller: context.caller)
            return Empty()
        }
        routes.on(AuthChangePassword.self) { params, context in try await authority.changePassword(params, caller: context.caller) }
        routes.on(AuthWhoAmI.self) { _, context in try await authority.whoami(caller: context.caller) }
        routes.onLoop(AuthKeys.self) { _, _ in
            Answer(AuthKeys.Result(algorithm: "ES256", publicKeyPEM: authority.signer.publicKeyPEM, issuer: "nq57-auth"))
        }
        routes.on(AuthRevocations.self) { params, _ in try await authority.revocations(after: params.after) }
        routes.on(AuthUnitsList.self) { params, _ in try await authority.listUnits(params) }
        routes.on(AuthUnitsCreate.self) { params, context in try await authority.createUnit(params, caller: context.caller) }
        routes.on(AuthUnitsRename.self) { params, context in try await authority.renameUnit(params, caller: context.caller) }
        routes.on(AuthUsersAdd.self) { params, context in try await authority.addUser(params, caller: context.caller) }
        routes.on(AuthUsersGrant.self) { params, context in try await authority.grant(params, caller: context.caller) }
        routes.on(AuthUsersRevoke.self) { params, context in try await authority.revoke(params, caller: context.caller) }
        routes.on(AuthUsersResetPassword.self) { params, context in try await authority.resetPassword(params, caller: context.caller) }
        routes.on(AuthUsersList.self) { params, context in try await authority.listUsers(params, caller: context.caller) }
        routes.on(AuthAuditList.self) { params, context in try await authority.listAudit(params, caller: context.caller) }
        routes.on(AuthAuditAppend.self) { params, _ in
            try await authority.appendAudit(params)
            return Empty()
        }
        return routes
    }
}
