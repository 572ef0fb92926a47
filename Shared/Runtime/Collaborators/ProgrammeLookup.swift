import Foundation
import NQ57API
import NQ57Wire

/// Where programmes are: the tasks service owns the list (`tasks.programmes.*`); the metrics
/// service asks it when a KPI set names one.
public protocol ProgrammeLookup: Sendable {
    /// The programme with `code`, or nil if there is none.
    func programme(_ code: String) async throws -> ProgrammeInfo?
}

extension ProgrammeLookup {
    /// The programme with `code`, or a `not_found` error naming `field` when there is none.
    public func requiredProgramme(_ code: String, field: String = "programme") async throws -> ProgrammeInfo {
        guard let found = try await programme(code) else {
            throw RPCError(.notFound, "Không có chương trình \"\(code)\".", details: ["field": field, "programme": code])
        }
        return found
    }
}

/// Programmes from the tasks service, asked on its internal socket (the list is open to anyone).
public struct ServiceProgrammeLookup: ProgrammeLookup {
    let tasks: RPCClient

    /// Uses `tasks`, the tasks service's internal socket.
    public init(tasks: RPCClient) { self.tasks = tasks }

    public func programme(_ code: String) async throws -> ProgrammeInfo? {
        try await tasks.call(TasksProgrammeList.self, Empty()).programmes.first { $0.code == code }
    }
}

/// A lookup that knows only the default programme (nq57): for tools and tests whose KPI sets never name another one.
public struct DefaultProgrammeOnly: ProgrammeLookup {
    /// The lookup.
    public init() {}

    public func programme(_ code: String) async throws -> ProgrammeInfo? {
        code == DefaultProgramme.code ? ProgrammeInfo(code: code, name: "Nghị quyết số 57-NQ/TW", shortName: "NQ 57", kind: .national, ownerUnitId: "vn") : nil
    }
}
