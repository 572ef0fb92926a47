import GRDB
import NQ57API
import NQ57Wire

extension TasksContext {
    /// The programme a read is filtered by: nil for all; a code that is malformed is
    /// `invalid_argument`, one that does not exist `not_found` (both naming `programme`).
    func programmeFilter(_ text: String?) async throws -> String? {
        guard let code = try ProgrammeCode.normalized(text) else { return nil }
        _ = try await database.pool.read { db in try ProgrammeRecord.required(db, code: code) }
        return code
    }
}
