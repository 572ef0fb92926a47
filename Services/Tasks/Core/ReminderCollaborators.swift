import NQ57Mail
import NQ57Runtime

/// Who the reminder runner asks and sends through, besides the tasks database: the metrics
/// service for KPI periods due, the auth service for people and their addresses, the relay for mail.
public struct ReminderCollaborators: Sendable {
    /// KPI periods due; nil leaves KPIs out.
    public var kpis: (any KPIDueSource)?
    /// People, their roles and addresses.
    public var contacts: any ContactDirectory
    /// The mail relay and the sender's address; nil when no relay is set (reminders stay in the console).
    public var mail: ReminderMailer?

    /// Creates the collaborators.
    public init(kpis: (any KPIDueSource)?, contacts: any ContactDirectory, mail: ReminderMailer?) {
        self.kpis = kpis
        self.contacts = contacts
        self.mail = mail
    }
}

/// Where digests go and whom they are from.
public struct ReminderMailer: Sendable {
    /// The relay.
    public var transport: any MailTransport
    /// The sender (`NQ57_MAIL_FROM`).
    public var from: String

    /// Creates a mailer.
    public init(transport: any MailTransport, from: String) {
        self.transport = transport
        self.from = from
    }
}
