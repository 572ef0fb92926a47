/// The `nq57-auth` service's methods: the one list the gateway routes by and the service
/// must register handlers for.
public enum AuthAPI: ServiceAPI {
    public static let service = ServiceName.auth
    public static let methods: [any APIMethod.Type] = [
        AuthLogin.self,
        AuthLoginWithIdentity.self,
        AuthRefresh.self,
        AuthLogout.self,
        AuthWhoAmI.self,
        AuthKeys.self,
        AuthRevocations.self,
        AuthUnitsList.self,
        AuthUnitsCreate.self,
        AuthUnitsRename.self,
        AuthUnitsMerge.self,
        AuthUnitsSplit.self,
        AuthUnitsTree.self,
        AuthUnitsGet.self,
        AuthUsersAdd.self,
        AuthUsersGrant.self,
        AuthUsersRevoke.self,
        AuthUsersList.self,
        AuthAuditList.self,
        AuthAuditAppend.self,
        AuthChangePassword.self,
        AuthUsersResetPassword.self,
        AuthMailGet.self,
        AuthMailSet.self,
        AuthContacts.self,
    ]
}
