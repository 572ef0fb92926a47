import Foundation
import NQ57API
import NQ57Calendar
import NQ57Reports

/// The API as the logged-in user of the command line reads it, for tables and reports.
struct ClientReader: APIReader {
    let connection: ClientOptions

    func call<M: APIMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
        try await connection.authenticatedCall(method, params)
    }

    /// The day the system takes as today (the gateway's clock, which `NQ57_NOW` sets), or this machine's.
    func today() async -> Day {
        let health = try? await connection.authenticatedCall(SysHealth.self, SysHealth.Params())
        return health?.today.flatMap(Day.init(iso:)) ?? Day(Date())
    }
}
