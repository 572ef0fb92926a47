import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The programmes plans implement: `tasks.programmes.list`, `tasks.programmes.create`.
///
/// The tasks service owns the list because plans, the first thing that names a programme, are
/// its own; the metrics service keeps a programme's code on each indicator of its KPI set and
/// asks this list (`ProgrammeLookup`) when one is defined or filtered by.
public struct TaskProgrammes: Sendable {
    let context: TasksContext

    /// Programmes over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the programme methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let programmes = TaskProgrammes(context)
        routes.on(TasksProgrammeList.self) { _, _ in TasksProgrammeList.Result(programmes: try await programmes.list()) }
        routes.on(TasksProgrammeCreate.self) { params, _ in try await programmes.create(params) }
    }

    /// Every programme: national resolutions first, then by code.
    public func list() async throws -> [ProgrammeInfo] {
        try await context.database.pool.read { db in try ProgrammeRecord.all(db).map(\.info) }
    }

    /// A new programme; its code is unique. A national resolution is declared at the root unit; a
    /// unit's own programme at that unit, and only plans and KPI sets at or below it may join it.
    public func create(_ params: TasksProgrammeCreate.Params) async throws -> ProgrammeInfo {
        guard let code = try ProgrammeCode.normalized(params.code, field: "code") else {
            throw RPCError(.invalidArgument, "Thiếu mã chương trình.", details: ["field": "code"])
        }
        let name = params.name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty else { throw RPCError(.invalidArgument, "Thiếu tên chương trình.", details: ["field": "name"]) }
        let shortName = params.shortName?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        let ownerPath = try await context.unitPath(params.ownerUnitId, field: "ownerUnitId")
        if params.kind == .national, ownerPath.count(where: { $0 == "/" }) != 2 {
            throw RPCError(.invalidArgument, "Nghị quyết Trung ương được khai báo tại đơn vị gốc (Trung ương), không tại \(params.ownerUnitId).",
                           details: ["field": "ownerUnitId"])
        }
        let record = ProgrammeRecord(code: code, name: name, shortName: shortName.flatMap { $0.isEmpty ? nil : $0 } ?? code.uppercased(),
                                     kind: params.kind, ownerUnitId: params.ownerUnitId, ownerUnitPath: ownerPath,
                                     createdAt: context.clock.now.timeIntervalSince1970)
        return try await context.database.pool.write { db in
            if try ProgrammeRecord.find(db, code: code) != nil {
                throw RPCError(.alreadyExists, "Đã có chương trình mã \(code).", details: ["field": "code"])
            }
            try record.insert(db)
            return record.info
        }
    }
}
