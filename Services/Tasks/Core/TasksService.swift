import GRDB
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Mail
import NQ57Runtime
import NQ57Wire
import ServiceLifecycle

/// The `nq57-tasks` service: plans, tasks, progress, claims and their review, red flags,
/// scores and rankings; and the reminders of every deadline, tasks' and KPIs'.
public enum TasksService {
    /// Registers the tasks database's migrations (for tools that build a database, like the benchmark).
    public static let registerMigrations: @Sendable (inout DatabaseMigrator) -> Void = { TasksSchema.register(&$0) }

    /// Every method of `TasksAPI`, each registered by the type that implements it.
    static func routes(_ context: TasksContext) -> MethodRoutes {
        var routes = MethodRoutes()
        TaskPlanning.register(into: &routes, context)
        TaskDeadlines.register(into: &routes, context)
        TaskReads.register(into: &routes, context)
        TaskWorkflow.register(into: &routes, context)
        TaskReports.register(into: &routes, context)
        TaskProgrammes.register(into: &routes, context)
        PlanLinks.register(into: &routes, context)
        Reminders.register(into: &routes, context)
        Explanations.register(into: &routes, context)
        TaskReviewQueue.register(into: &routes, context)
        TaskMyWork.register(into: &routes, context)
        TaskComments.register(into: &routes, context)
        return routes
    }

    /// The context the executable works with: the auth, evidence and metrics services on their
    /// internal sockets, and the mail relay of the settings.
    static func context(_ environment: ServiceEnvironment) throws -> TasksContext {
        let auth = environment.client(of: .auth)
        let reminders = ReminderCollaborators(kpis: ServiceKPIDueSource(metrics: environment.client(of: .metrics, timeout: .seconds(60))),
                                              contacts: ServiceContactDirectory(auth: auth), mail: try mailer(environment.settings))
        return TasksContext(database: environment.database, units: AuthUnitLookup(auth: auth),
                            evidence: ServiceEvidenceLookup(evidence: environment.client(of: .evidence)), clock: environment.clock,
                            logger: environment.logger, reminders: reminders)
    }

    /// The relay of `NQ57_SMTP_URL`, or nil when it is unset.
    static func mailer(_ settings: NQ57Settings) throws -> ReminderMailer? {
        guard let url = settings.mail.relayURL else { return nil }
        guard let relay = SMTPRelay(url: url) else { throw SettingsError(SettingsCatalog.smtpURL, "must be smtp://host:port, not \"\(url)\"") }
        let client = SMTPClient(configuration: .init(relay: relay, trustRootsFile: settings.mail.caFile))
        return ReminderMailer(transport: client, from: settings.mail.from)
    }

    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .tasks,
        migrations: registerMigrations,
        gauges: TasksGauges.read,
        background: { environment in
            let tasks = try TasksService.context(environment)
            guard let collaborators = tasks.reminders else { return [] }
            return [ReminderSchedule(runner: ReminderRunner(tasks, collaborators: collaborators), clock: environment.clock,
                                     logger: environment.logger)]
        },
        routes: { environment in TasksService.routes(try TasksService.context(environment)) }
    )
}
