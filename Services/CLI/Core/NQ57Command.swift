import ArgumentParser
import Foundation

/// `nq57`: the command line of the system.
public struct NQ57Command: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nq57",
        abstract: "nq57: theo dõi thực hiện Nghị quyết 57-NQ/TW của tỉnh và các xã, phường.",
        subcommands: [UpCommand.self, StatusCommand.self, CallCommand.self, LoginCommand.self, LogoutCommand.self,
                      WhoAmICommand.self, PasswordCommand.self, UsersCommand.self, AuditCommand.self, UnitsCommand.self, TasksCommand.self, RemindersCommand.self, MailCommand.self, ExplainCommand.self, ReviewCommand.self, MyWorkCommand.self, CommentsCommand.self, KPICommand.self, ReportCommand.self, ProgrammesCommand.self, EvidenceCommand.self, SeedCommand.self, OpsMetricsCommand.self,
                      BenchCommand.self])

    public init() {}
}

extension NQ57Command {
    /// Parses the process's arguments and runs the chosen command, awaiting async ones;
    /// exits with ArgumentParser's message and code on failure.
    public static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
