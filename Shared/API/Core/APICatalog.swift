/// Every method of every backend service, by service: what the gateway routes and what
/// `sys.describe` at the gateway shows. A service registers a handler for each of its
/// entries here (a test checks that the two agree).
public enum APICatalog {
    /// The methods every service answers.
    public static let system: [any APIMethod.Type] = [SysHealth.self, SysDescribe.self, SysLoopback.self, SysMetrics.self]

    /// The methods each backend owns.
    public static func methods(of service: ServiceName) -> [any APIMethod.Type] {
        switch service {
        case .auth: [
            AuthLogin.self, AuthLoginWithIdentity.self, AuthRefresh.self, AuthLogout.self, AuthWhoAmI.self,
            AuthKeys.self, AuthRevocations.self, AuthUnitsList.self, AuthUnitsCreate.self, AuthUnitsRename.self,
            AuthUsersAdd.self, AuthUsersGrant.self, AuthUsersRevoke.self, AuthUsersList.self,
            AuthAuditList.self, AuthAuditAppend.self,
            AuthChangePassword.self, AuthUsersResetPassword.self,
        ]
        case .tasks: [
            TasksPlanCreate.self, TasksPlanList.self, TasksCreate.self, TasksGet.self, TasksHistory.self, TasksList.self,
            TasksProgress.self, TasksClaim.self, TasksSubmit.self, TasksReview.self, TasksFlags.self, TasksScores.self,
            TasksDashboard.self, TasksPublic.self,
        ]
        case .evidence: [
            EvidenceUploadStart.self, EvidenceUploadChunk.self, EvidenceUploadFinish.self, EvidenceInfoGet.self, EvidenceRead.self,
            EvidenceScrub.self, EvidenceReadPublic.self, EvidenceLogHead.self, EvidenceLogKey.self, EvidenceProve.self,
            EvidenceConsistency.self, EvidenceLogReview.self, EvidenceUploadAbort.self, EvidenceRequestPublication.self,
            EvidenceDecidePublication.self, EvidenceWithdrawPublication.self,
        ]
        case .metrics: [
            MetricsIndicatorCreate.self, MetricsTargetSet.self, MetricsIndicatorList.self, MetricsIndicatorGet.self,
            MetricsReport.self, MetricsSubmit.self, MetricsReview.self, MetricsHistory.self, MetricsRollUp.self,
            MetricsSeries.self, MetricsCompare.self, MetricsDashboard.self, MetricsFlags.self, MetricsExport.self, MetricsPublic.self,
        ]
        }
    }

    /// Whether `name` is a method that `service` owns.
    public static func contains(_ name: String, in service: ServiceName) -> Bool {
        names[service]?.contains(name) ?? false
    }

    /// The policy of method `name` (any service's, or a `sys.*` one); nil if there is no such method.
    public static func policy(of name: String) -> AccessPolicy? { policies[name] }

    /// Whether method `name` changes anything.
    public static func writes(_ name: String) -> Bool { writers.contains(name) }

    private static let everything: [any APIMethod.Type] = system + ServiceName.allCases.flatMap { methods(of: $0) }
    private static let policies: [String: AccessPolicy] = Dictionary(uniqueKeysWithValues: everything.map { ($0.name, $0.policy) })
    private static let writers: Set<String> = Set(everything.filter { $0.writes }.map { $0.name })

    private static let names: [ServiceName: Set<String>] = Dictionary(
        uniqueKeysWithValues: ServiceName.allCases.map { service in (service, Set(methods(of: service).map { $0.name })) })
}
