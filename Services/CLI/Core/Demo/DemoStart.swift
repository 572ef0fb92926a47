import Foundation
import Logging
import NQ57API
import NQ57Calendar
import NQ57Wire

/// `nq57 up --demo` on an empty data folder: the system is started once for each demo
/// phase with its clock on that phase's day, seeded, and given that month's demo history,
/// so that what the history calls on time really was submitted on time.
struct DemoStart {
    let configuration: Supervisor.Configuration
    let address: GatewayAddress
    let seeds: String
    let finalDay: Day
    let logger: Logger

    /// Whether the data folder has never held a system (no auth database yet).
    static func isEmpty(dataRoot: String) -> Bool {
        !FileManager.default.fileExists(atPath: "\(dataRoot)/auth/auth.sqlite")
    }

    /// Plays every phase before `finalDay`, the first admin getting `adminPassword`.
    func run(adminPassword: String) async throws {
        let phases = DemoHistory.phases.filter { $0 < finalDay }
        print("Dữ liệu minh họa: \(phases.count) tháng, từ \(phases.first?.description ?? "-") đến \(phases.last?.description ?? "-").")
        for (index, day) in phases.enumerated() {
            var phase = configuration
            phase.environment["NQ57_NOW"] = day.iso
            phase.environment["NQ57_ADMIN_PASSWORD"] = adminPassword
            phase.environment["NQ57_HTTP"] = "off"  // the console opens with the final start
            let supervisor = Supervisor(configuration: phase, logger: logger)
            try supervisor.start()
            let client = address.makeClient()
            do {
                _ = try await supervisor.waitUntilHealthy(client: client, timeout: 60)
                let admin = try await client.call(AuthLogin.self, .init(username: "admin", password: adminPassword)).accessToken
                // Names from a later day are given when their day comes (DemoUnitChanges), as a real rename would be.
                if index == 0 { try await SeedCommand.load(seeds: seeds, client: client, token: admin, namesUntil: day) }
                try await DemoUnitChanges.apply(on: day, seeds: seeds, client: client, token: admin)
                try await DemoHistory.prepare(client: client, adminToken: admin).play([day])
                print("  \(day): xong")
                fflush(nil)
            } catch {
                await client.close()
                await supervisor.stop()
                throw error
            }
            await client.close()
            await supervisor.stop()
        }
    }
}
